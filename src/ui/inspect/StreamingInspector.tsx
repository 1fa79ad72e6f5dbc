import { useShallow } from 'zustand/react/shallow';
import {
  batchStatus,
  type DStreamNode,
  formatValue,
  type Rdd,
  type StreamingRun,
  type Value,
} from '../../engine';
import { useSim } from '../../store/simStore';
import { opLabel } from '../../viz/dstream/layout';
import { OutputsShown } from './BatchOutputs';
import './inspector.css';
import './StreamingInspector.css';

const selectInspector = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  entity: s.selectedEntity,
  inspect: s.inspect,
  select: s.select,
});

const secs = (ms: number) => `${ms / 1000} s`;

/** A batch (its RDDs, partitions, records and output) or a DStream (its lineage), at the cursor. */
export function StreamingInspector() {
  const { sim, entity, inspect, select } = useSim(useShallow(selectInspector));
  const run = sim.streaming();
  if (!run || !entity || (entity.kind !== 'batch' && entity.kind !== 'dstream')) return null;
  const nowMs = sim.timeMs;
  const close = (
    <button type="button" className="icon-button" onClick={() => inspect(null)} aria-label="Close inspector">
      ×
    </button>
  );
  const recordText = (id: number) => {
    const t = sim.tuple(id);
    return t
      ? `#${id} ${t.key} ${typeof t.value === 'number' ? t.value : JSON.stringify(t.value)}`
      : `#${id}`;
  };

  if (entity.kind === 'dstream') {
    const node = run.nodes[entity.node];
    if (!node) return null;
    const chain = lineage(run, node);
    const latest = [...run.batches]
      .reverse()
      .find((b) => b.timeMs <= nowMs && run.rddAt(node.index, b.timeMs));
    return (
      <section className="panel inspector" aria-label="DStream inspector">
        <header className="inspector__head">
          <h2>
            <code>{node.spec.id}</code>
          </h2>
          {close}
        </header>
        <p>
          <code>{opLabel(node)}</code> — a {node.classes[0]}, one RDD every {secs(node.slideMs)}
          {node.windowMs !== null ? `, each covering the last ${secs(node.windowMs)}` : ''}.
        </p>
        <h3>Lineage (DStream graph)</h3>
        <ol className="lineage">
          {chain.map((n) => (
            <li key={n.index}>
              <button
                type="button"
                className="link"
                onClick={() => inspect({ kind: 'dstream', node: n.index })}
              >
                {n.spec.id}
              </button>{' '}
              <span className="muted">{n.classes.join(' ← ')}</span>
            </li>
          ))}
        </ol>
        <h3>RDD lineage{latest ? ` at ${secs(latest.timeMs)}` : ''}</h3>
        <pre className="debug-string">{rddLineage(run, node).join('\n')}</pre>
        {node.mustCheckpoint && (
          <p className="muted">
            This DStream depends on its own previous RDD: without checkpoints its lineage would grow by one
            step every batch, which is why Spark requires a checkpoint directory for it.
          </p>
        )}
      </section>
    );
  }

  const batch = run.batchAt(entity.timeMs);
  if (!batch || batch.generatedAtMs > nowMs)
    return (
      <section className="panel inspector" aria-label="Batch inspector">
        <header className="inspector__head">
          <h2>Batch at {secs(entity.timeMs)}</h2>
          {close}
        </header>
        <p>This batch has not been generated yet at {secs(nowMs)}.</p>
      </section>
    );
  const status = batchStatus(batch, nowMs);
  const node = entity.node === null ? null : (run.nodes[entity.node] ?? null);
  const rdd = node ? run.rddAt(node.index, batch.timeMs) : null;
  const shownRdd = rdd && rdd.computedAtMs <= nowMs ? rdd : null;
  return (
    <section className="panel inspector" aria-label="Batch inspector">
      <header className="inspector__head">
        <h2>Batch at {secs(batch.timeMs)}</h2>
        {close}
      </header>
      <dl className="times">
        <dt>Status</dt>
        <dd>
          {status === 'done'
            ? 'done'
            : status === 'processing'
              ? `processing (started at ${secs(batch.startMs!)})`
              : status === 'queued'
                ? `queued: waits for the previous batch until ${secs(batch.startMs!)}`
                : status === 'stalled'
                  ? 'cannot start: no core is free (receivers hold them)'
                  : 'no jobs: no output operation had an RDD at this time'}
        </dd>
        <dt>Input records</dt>
        <dd>
          {batch.inputRecords} ({batch.inputRecords / (run.spec.batchIntervalMs / 1000)} records/s)
        </dd>
        {batch.startMs !== null && status !== 'queued' && (
          <>
            <dt>Scheduling delay</dt>
            <dd>{batch.startMs - batch.timeMs} ms</dd>
          </>
        )}
        {batch.endMs !== null && status === 'done' && batch.startMs !== null && (
          <>
            <dt>Processing time</dt>
            <dd>{batch.endMs - batch.startMs} ms</dd>
            <dt>Total delay</dt>
            <dd>{batch.endMs - batch.timeMs} ms</dd>
          </>
        )}
        {batch.rateLimit !== null && (
          <>
            <dt>Backpressure rate</dt>
            <dd>{Math.round(batch.rateLimit)} records/s</dd>
          </>
        )}
      </dl>
      {batch.failure && (
        <p className="spark-error" role="alert">
          A job failed: <code>{batch.failure}</code>
        </p>
      )}
      {node ? (
        <>
          <h3>
            RDD of <code>{node.spec.id}</code>
          </h3>
          {!shownRdd ? (
            <p>
              {run.isTimeValid(node.index, batch.timeMs)
                ? 'Not computed: no output operation needed it in this batch (DStreams are evaluated lazily).'
                : `No RDD at this time: ${node.spec.id} has one every ${secs(node.slideMs)}.`}
            </p>
          ) : (
            <RddDetails
              rdd={shownRdd}
              node={node}
              partition={entity.partition}
              recordText={recordText}
              onTuple={select}
              onPartition={(p) => inspect({ ...entity, partition: p })}
            />
          )}
        </>
      ) : (
        <>
          <h3>Input</h3>
          {run.nodes
            .filter((n) => n.role === 'input')
            .map((n) => {
              const r = run.rddAt(n.index, batch.timeMs);
              return (
                <div key={n.index}>
                  <p>
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        inspect({ kind: 'batch', timeMs: batch.timeMs, node: n.index, partition: null })
                      }
                    >
                      {n.spec.id}
                    </button>
                    :{' '}
                    {r && r.computedAtMs <= nowMs
                      ? `${r.partitions.length} partitions, ${r.partitions.reduce((a, p) => a + p.length, 0)} records`
                      : 'not read in this batch'}
                  </p>
                  {r && r.computedAtMs <= nowMs && <Splits rdd={r} />}
                </div>
              );
            })}
          <h3>Output</h3>
          {status !== 'done' ? (
            <p>
              {batch.jobs === 0
                ? 'No jobs ran in this batch.'
                : 'Output appears when the batch’s jobs have finished.'}
            </p>
          ) : (
            <OutputsShown batch={batch} run={run} />
          )}
        </>
      )}
    </section>
  );
}

function Splits({ rdd }: { rdd: Rdd }) {
  return (
    <ul className="plain splits">
      {rdd.partitions.map((p, i) => {
        const s = rdd.splits?.[i];
        const what =
          s?.kind === 'kafka'
            ? `Kafka partition ${s.partition}: offsets [${s.fromOffset}, ${s.untilOffset})`
            : s?.kind === 'block'
              ? `block ${s.blockId} (${s.startMs / 1000}–${s.endMs / 1000} s)`
              : s?.kind === 'producer'
                ? `producer ${s.producer}`
                : `partition ${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: partitions are numbered by position
          <li key={i}>
            {what}: {p.length} record{p.length === 1 ? '' : 's'}
          </li>
        );
      })}
    </ul>
  );
}

function RddDetails({
  rdd,
  node,
  partition,
  recordText,
  onTuple,
  onPartition,
}: {
  rdd: Rdd;
  node: DStreamNode;
  partition: number | null;
  recordText: (id: number) => string;
  onTuple: (id: number) => void;
  onPartition: (p: number) => void;
}) {
  const total = rdd.partitions.reduce((a, p) => a + p.length, 0);
  const p = partition !== null ? rdd.partitions[partition] : undefined;
  const show = (v: Value) =>
    node.type.kind === 'record' ? recordText(v as number) : formatValue(v, node.type);
  return (
    <>
      <p>
        {rdd.partitions.length} partition{rdd.partitions.length === 1 ? '' : 's'}, {total} element
        {total === 1 ? '' : 's'}.
        {rdd.computedAtMs > rdd.timeMs &&
          ` Computed at ${rdd.computedAtMs / 1000} s, when a window needed it.`}
        {rdd.covers &&
          ` The window covers the batches at ${rdd.covers.map((t) => `${t / 1000} s`).join(', ') || 'no time yet'}.`}
      </p>
      <div className="partition-tabs">
        {rdd.partitions.map((part, i) => (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: partitions are numbered by position
            key={i}
            type="button"
            className="pchip"
            aria-pressed={partition === i}
            onClick={() => onPartition(i)}
          >
            {rdd.splits?.[i]?.kind === 'kafka' ? `p${i}` : `#${i}`} · {part.length}
          </button>
        ))}
      </div>
      {rdd.splits && <Splits rdd={rdd} />}
      {p && (
        <>
          <h4>Partition {partition}</h4>
          {p.length === 0 ? (
            <p className="muted">Empty.</p>
          ) : (
            <ul className="plain records">
              {p.slice(0, 60).map((v, i) =>
                node.type.kind === 'record' ? (
                  <li key={v as number}>
                    <button type="button" className="link" onClick={() => onTuple(v as number)}>
                      {show(v)}
                    </button>
                  </li>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: elements may repeat; their position is their identity
                  <li key={i}>
                    <code>{show(v)}</code>
                  </li>
                ),
              )}
              {p.length > 60 && <li className="muted">… and {p.length - 60} more</li>}
            </ul>
          )}
        </>
      )}
    </>
  );
}

/** This DStream and the ones it depends on, back to its inputs (depth first). */
function lineage(run: StreamingRun, node: DStreamNode): DStreamNode[] {
  const out: DStreamNode[] = [];
  const visit = (n: DStreamNode) => {
    if (out.includes(n)) return;
    out.push(n);
    for (const p of n.parents) visit(run.nodes[p]!);
  };
  visit(node);
  return out;
}

const RDD_CLASS: Record<string, string> = {
  kafkaDirectStream: 'KafkaRDD',
  receiverStream: 'BlockRDD',
  producerStream: 'ParallelCollectionRDD',
  map: 'MapPartitionsRDD',
  flatMap: 'MapPartitionsRDD',
  filter: 'MapPartitionsRDD',
  reduceByKey: 'ShuffledRDD',
  countByValue: 'ShuffledRDD',
  union: 'UnionRDD',
  transform: 'MapPartitionsRDD',
  window: 'UnionRDD',
  countByWindow: 'MapPartitionsRDD',
  countByValueAndWindow: 'MapPartitionsRDD',
  print: 'ForEachDStream',
  foreachRDD: 'ForEachDStream',
  sink: 'ForEachDStream',
};

/** Roughly what rdd.toDebugString shows: each RDD and, indented, what it was computed from. */
function rddLineage(run: StreamingRun, node: DStreamNode, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  const s = node.spec;
  let cls = RDD_CLASS[s.op] ?? 'RDD';
  if (s.op === 'receiverStream' && s.writeAheadLog) cls = 'WriteAheadLogBackedBlockRDD';
  if (s.op === 'reduceByKeyAndWindow')
    cls = s.inverse
      ? 'MapPartitionsRDD ← CoGroupedRDD(previous window, old, new batches)'
      : 'ShuffledRDD ← UnionRDD(batches in window)';
  const line = `${pad}${depth ? '+- ' : ''}${cls} at ${s.op} (${s.id})`;
  const parents = node.parents.flatMap((p) => rddLineage(run, run.nodes[p]!, depth + 1));
  return [line, ...parents];
}
