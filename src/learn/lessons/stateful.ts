import { batchStatus, type Simulation, type StateStep, type StreamOpKind } from '../../engine';
import type { Lesson } from '../types';

/**
 * The state steps of the first DStream made by `op`, for every batch that has finished by the cursor
 * (what the State inspector has shown so far).
 */
export function finishedStateSteps(sim: Simulation, op: StreamOpKind): StateStep[] {
  const run = sim.streaming();
  const node = run?.nodes.find((n) => n.spec.op === op);
  if (!run || !node) return [];
  const now = sim.timeMs;
  const steps: StateStep[] = [];
  for (const b of run.batches) {
    if (b.generatedAtMs > now || batchStatus(b, now) !== 'done') continue;
    const step = run.stateAt(node.index, b.timeMs);
    if (step) steps.push(step);
  }
  return steps;
}

/** Whether some finished batch called mapWithState for no key while updateStateByKey ran for some. */
function quietBatchSeen(sim: Simulation): boolean {
  const updates = new Map(finishedStateSteps(sim, 'updateStateByKey').map((s) => [s.timeMs, s]));
  return finishedStateSteps(sim, 'mapWithState').some(
    (s) => s.calls.length === 0 && (updates.get(s.timeMs)?.calls.length ?? 0) > 0,
  );
}

export const statefulLesson: Lesson = {
  id: 'stateful',
  topic: 'stateful',
  title: 'Stateful streams: updateStateByKey and mapWithState',
  summary:
    'Carrying state from batch to batch: updateStateByKey calls its function for every key in every batch, mapWithState only for the keys in the batch, and both need a checkpoint directory.',
  steps: [
    {
      title: 'State across batches',
      body: [
        'A running count of clicks per user cannot be computed from one batch alone: it needs state carried from batch to batch. `updateStateByKey(update)` keeps a value per key; in each batch it calls `update(newValues, oldState)` and the result becomes the key’s new state.',
        'Spark calls the update function for every key that has state, in every batch, whether or not the key got new values (it is then called with an empty list). Returning `None` removes the key. The State inspector shows, for the newest finished batch, every call and why it was made.',
      ],
      frame: { scenario: 'stateful-streams', seed: 9, timeMs: 2500 },
      highlight: ['stateinspector', 'pipeline'],
      task: {
        text: 'Play past 3 s and find a call marked “no new values” for `totals` in the State inspector.',
        hint: 'In the batch at 3 s, ana and kim clicked nothing, yet their state is still passed through the function.',
        check: (ctx) =>
          finishedStateSteps(ctx.sim, 'updateStateByKey').some((s) =>
            s.calls.some((c) => c.reason === 'noNewValues'),
          ),
      },
    },
    {
      title: 'mapWithState: only the keys in the batch',
      body: [
        '`mapWithState(StateSpec.function(f))` turns this around: its function is called once per record in the batch, so only keys that have data are touched. With millions of users and a few active in each batch, that is far less work than updateStateByKey, whose cost grows with the whole state.',
        'The two columns of the State inspector sit side by side: `sessions` (mapWithState) is called once per click, `totals` (updateStateByKey) once per known user. mapWithState exists in Scala and Java only, not in PySpark.',
      ],
      frame: { scenario: 'stateful-streams', seed: 9, timeMs: 11500 },
      highlight: ['stateinspector'],
      task: {
        text: 'Play past 13 s. No click arrived in the batch at 13 s: the State inspector shows mapWithState not called at all, and updateStateByKey called for all five users.',
        hint: 'The inspector shows the newest finished batch; step with → to just after 13 s to see that one.',
        check: (ctx) => quietBatchSeen(ctx.sim),
      },
    },
    {
      title: 'Timeouts',
      body: [
        'mapWithState can forget keys that have gone quiet: `StateSpec.function(f).timeout(Seconds(4))`. The timeout counts from the key’s last data (any call with data restarts it, even one that leaves the state unchanged). A key that times out gets one last call, with `state.isTimingOut()` true, and is then removed.',
        // MapWithStateRDDRecord.updateRecordWithData re-puts every key called with data at the batch time
        // when a timeout is set; removeTimedoutData (full scan) runs only on checkpointed state RDDs.
        'Spark looks for timed-out keys only in batches whose state is checkpointed, every 10 batches here, because only then does it scan the whole state. So kim and lee, quiet since 11 and 12 s, time out only at 20 s. updateStateByKey has no timeout: its function has to return `None` to drop a key.',
      ],
      frame: { scenario: 'stateful-streams', seed: 9, timeMs: 15000 },
      highlight: ['stateinspector', 'checkpoints'],
      task: {
        text: 'Play past 20 s until keys time out in `sessions`: they are listed as “timed out” in its state table.',
        hint: 'The state checkpoints are written every 10 s; watch the batch at 20 s.',
        check: (ctx) => finishedStateSteps(ctx.sim, 'mapWithState').some((s) => s.timedOut.length > 0),
      },
    },
    {
      title: 'The State object',
      // State.scala (StateImpl): get throws NoSuchElementException("State is not set") without state;
      // update and remove require !timingOut ("Cannot update / Cannot remove the state that is timing out").
      body: [
        'The function of mapWithState gets the key, the new value (an `Option`) and a `State` object with five methods (plus `getOption`). `exists()` says whether the key has state; `get()` returns it, and throws “State is not set” when there is none (`getOption()` returns `None` instead); `update(v)` stores a new value; `remove()` drops it; `isTimingOut()` is true only in a timed-out key’s last call.',
        'In that last call the function may read the state and emit a final record, but Spark refuses `update` and `remove` (“Cannot update the state that is timing out”, “Cannot remove …”), so a function with a timeout starts with `if (state.isTimingOut())`. In the Pipeline panel you can write your own function for `sessions` and see these rules enforced.',
      ],
      frame: { scenario: 'stateful-streams', seed: 9, timeMs: 21000 },
      highlight: ['pipeline', 'stateinspector'],
    },
    {
      title: 'A checkpoint directory is required',
      body: [
        'Each state RDD is computed from the previous batch’s state RDD, so its lineage would grow by one step every batch, and recovering it would mean replaying the whole history. Spark therefore writes state RDDs to reliable storage now and then (here every 10 s, what both operators choose for a 1 s batch interval), which cuts the lineage. Their defaults differ for other intervals: updateStateByKey takes the smallest multiple of its slide that is at least 10 s (12 s for 3 s batches), mapWithState ten times its slide (30 s). The Checkpoints panel shows it growing and being cut.',
        // DStream.initialize (slideDuration * ceil(10 s / slideDuration)) vs InternalMapWithStateDStream.initialize
        // (slideDuration * DEFAULT_CHECKPOINT_DURATION_MULTIPLIER, which is 10).
        'For this reason stateful operations need `ssc.checkpoint(dir)`. Without a checkpoint directory, Spark refuses to start the application.',
      ],
      frame: { scenario: 'stateful-streams', seed: 9, timeMs: 12000 },
      highlight: ['checkpoints', 'metrics'],
      task: {
        text: 'In the Streaming context settings (at the top of the Streaming metrics panel), empty the Checkpoint directory field and read the error Spark reports. Type a path back in afterwards.',
        hint: 'The error appears in the DStream timeline and the Pipeline panel: “requirement failed: The checkpoint directory has not been set”.',
        check: (ctx) =>
          ctx.sim.streaming()?.error?.message.includes('checkpoint directory has not been set') ?? false,
      },
    },
  ],
};
