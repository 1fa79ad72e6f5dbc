/** Driver failure: the crash that kills running and queued batches, and the restart that recovers. */
import { metadataCheckpointAt } from './checkpoints';
import { generate } from './generate';
import type { RunState } from './runState';
import type { Recovery } from './types';

/** RecurringTimer.getRestartTime: the first batch time strictly after `atMs`. */
export function restartTime(run: RunState, atMs: number): number {
  const B = run.spec.batchIntervalMs;
  return run.zeroTimeMs + (Math.floor((atMs - run.zeroTimeMs) / B) + 1) * B;
}

/**
 * The driver dies at `crashMs`: running and queued batches are killed. It comes back and restarts
 * its timer at `restartMs` (JobGenerator.restart): from the latest metadata checkpoint it re-runs
 * the batches that were pending then, and generates the ones of its down time (from the checkpoint
 * time on), all before the timer's first new batch. State comes back from the checkpoint (data
 * checkpoint plus lineage), Kafka offsets from the checkpointed offset ranges. Without a checkpoint
 * directory the new driver starts a new application: no state, offsets from auto.offset.reset.
 */
export function crash(run: RunState, crashMs: number, restartMs: number): void {
  const killed: number[] = [];
  for (const b of run.batches) {
    if (b.killedAtMs !== null || b.jobs === 0 || b.startMs === null || b.endMs === null) continue;
    if (b.endMs > crashMs) {
      b.killedAtMs = crashMs;
      killed.push(b.index);
    }
  }
  run.lastEndMs = restartMs;
  run.recoveries.push({
    crashMs,
    recovered: false,
    restartMs,
    checkpointMs: null,
    pendingTimes: [],
    downTimes: [],
    killed,
    stateRestoredFrom: [],
  });
}

export function recover(run: RunState, r: Recovery): void {
  const { crashMs, restartMs } = r;
  const B = run.spec.batchIntervalMs;
  const generated = run.batches.filter((b) => b.timeMs <= crashMs);
  const checkpointMs = run.spec.checkpointDir !== null ? (generated.at(-1)?.timeMs ?? null) : null;
  let pendingTimes: number[] = [];
  const downTimes: number[] = [];
  if (checkpointMs !== null) {
    // The file as the crash left it: rewritten at its batch's completion if that came first.
    pendingTimes = metadataCheckpointAt(run, checkpointMs, crashMs)?.pendingTimes.slice() ?? [];
    for (let t = checkpointMs; t < restartMs; t += B) downTimes.push(t);
    const times = [...new Set([...pendingTimes, ...downTimes])]
      .filter((t) => t < restartMs)
      .sort((a, b) => a - b);
    loseReceivedBlocks(run, times);
    missWhileDown(run, crashMs, restartMs);
    for (const t of times) generate(run, t, restartMs, pendingTimes.includes(t) ? 'pending' : 'downtime');
  } else {
    freshStart(run, restartMs);
  }
  // Receivers lost what arrived while the driver was down.
  for (const input of run.inputs) input.readUpToMs = Math.max(input.readUpToMs, restartMs);
  const stateRestoredFrom = run.nodes
    .filter((n) => n.checkpointIntervalMs !== null)
    .map((n) => ({
      node: n.index,
      timeMs:
        checkpointMs === null
          ? null
          : ([...run.dataCheckpoints].reverse().find((c) => c.node === n.index && c.timeMs <= checkpointMs)
              ?.timeMs ?? null),
    }));
  Object.assign(r, { recovered: true, checkpointMs, pendingTimes, downTimes, stateRestoredFrom });
  run.nextRegularMs = restartMs;
}

/**
 * A driver failure takes the executors and the blocks they held with it. Without a write-ahead
 * log, every received block is gone (ReceiverInputDStream.createBlockRDD keeps only blocks still
 * in a block manager): the batches to re-run get nothing from the receiver, and so does anything
 * recomputed later from earlier receiver batches — a window over them, or state since its last
 * data checkpoint (checkpointed RDDs are read back from the checkpoint directory).
 */
function loseReceivedBlocks(run: RunState, times: readonly number[]): void {
  const lossy = run.inputs.filter((i) => i.node.spec.op === 'receiverStream' && !i.node.spec.writeAheadLog);
  if (lossy.length === 0) return;
  const rerun = new Set(times);
  const latest = Math.max(...times, Number.NEGATIVE_INFINITY);
  for (const input of lossy) {
    for (const [t, got] of input.allocated) {
      if (t > latest) continue;
      // Only the re-run batches' records are new losses; earlier batches already delivered their output.
      if (rerun.has(t)) for (const id of got.partitions.flat()) input.lost.push({ id, reason: 'memory' });
      input.allocated.set(t, { partitions: [], splits: [] });
    }
  }
  // Everything downstream of a lossy receiver is recomputed from now on, except checkpointed RDDs.
  const affected = new Set(lossy.map((i) => i.node.index));
  for (const n of run.nodes) if (n.parents.some((p) => affected.has(p))) affected.add(n.index);
  const checkpointed = new Set(
    run.dataCheckpoints.filter((c) => !rerun.has(c.timeMs)).map((c) => `${c.node}@${c.timeMs}`),
  );
  for (const node of affected) {
    for (const memo of [run.rdds[node]!, run.reduced[node]!]) {
      for (const t of [...memo.keys()]) if (t <= latest && !checkpointed.has(`${node}@${t}`)) memo.delete(t);
    }
    const steps = run.stateSteps[node]!;
    for (const t of [...steps.keys()]) if (t <= latest && !checkpointed.has(`${node}@${t}`)) steps.delete(t);
  }
  for (let i = run.dataCheckpoints.length - 1; i >= 0; i--)
    if (rerun.has(run.dataCheckpoints[i]!.timeMs)) run.dataCheckpoints.splice(i, 1);
}

/** Receivers die with the driver: what reached them while it was down is missed. */
function missWhileDown(run: RunState, crashMs: number, restartMs: number): void {
  for (const input of run.inputs) {
    if (input.node.spec.op !== 'receiverStream' || input.readUpToMs >= restartMs) continue;
    for (const id of run.source.arrivals(input.readUpToMs, restartMs)) {
      const received = run.source.arrivalTime(id) < crashMs;
      // Received before the crash but not yet in a batch: the write-ahead log keeps it for the next batch.
      if (received && input.node.spec.writeAheadLog) continue;
      input.lost.push({ id, reason: received ? 'memory' : 'down' });
      input.skip.add(id);
    }
  }
}

/** A new application at `restartMs`: nothing remembered, inputs start over. */
function freshStart(run: RunState, restartMs: number): void {
  const B = run.spec.batchIntervalMs;
  run.zeroTimeMs = restartMs - B;
  for (const m of run.rdds) m.clear();
  for (const m of run.reduced) m.clear();
  for (const m of run.stateSteps) m.clear();
  for (const input of run.inputs) {
    input.offsets = null;
    input.pending = [];
    input.allocated.clear();
    input.readUpToMs = restartMs;
  }
  run.freshStartMs = restartMs;
}
