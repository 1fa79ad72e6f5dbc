import { useShallow } from 'zustand/react/shallow';
import { queryBatchPhase } from '../../engine';
import type { useSim } from '../../store/simStore';
import { useViewSim } from '../viewSim';

const selectReader = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });

/**
 * The Structured Streaming query as a reader of the topic. Spark's Kafka source is not a member of a
 * consumer group and commits nothing to Kafka ("Kafka source doesn't commit any offset" — Structured
 * Streaming + Kafka Integration Guide; KafkaMicroBatchStream.commit is empty): its positions are the
 * end offsets of the last batch in its checkpoint — planned in offsets/N, done in commits/N.
 */
export function QueryReader() {
  const { sim } = useViewSim(useShallow(selectReader));
  const q = sim.query();
  const delivery = sim.delivery();
  const spec = sim.scenario.spec.query;
  if (!q || !delivery || !spec) return null;
  const now = sim.timeMs;
  return (
    <>
      {spec.inputs.map((input, i) => {
        if (input.source !== 'kafka') return null;
        const planned = q.batches
          .filter((b) => b.offsetsWrittenMs !== null && b.offsetsWrittenMs <= now && !b.reRun)
          .at(-1);
        const done = q.batches.filter((b) => queryBatchPhase(b, now) === 'committed').at(-1);
        const started = q.files.find((f) => f.path.endsWith(`/sources/${i}/0`));
        const startAt = (p: number) =>
          (started?.content as Record<string, Record<string, number>> | undefined)?.[input.id]?.[String(p)] ??
          0;
        return (
          <div className="group" key={input.id}>
            <h3>
              Spark query <code>{spec.checkpointLocation}</code>, reading as <b>{input.id}</b>
            </h3>
            <p className="muted">
              Not a consumer group: Spark’s Kafka source commits nothing to Kafka. Its positions live in the
              checkpoint — offsets/N when a batch is planned, commits/N when its sink is done.
            </p>
            <table className="group__offsets">
              <caption className="sr-only">Positions of the Spark query in each partition</caption>
              <thead>
                <tr>
                  <th scope="col">Partition</th>
                  <th scope="col">Planned (offsets/{planned?.batchId ?? '–'})</th>
                  <th scope="col">Done (commits/{done?.batchId ?? '–'})</th>
                  <th scope="col">High watermark</th>
                  <th scope="col">Behind</th>
                </tr>
              </thead>
              <tbody>
                {delivery.cluster.partitions.map((p) => {
                  const doneAt = done?.inputs[i]?.ranges[p.partition]?.untilOffset ?? startAt(p.partition);
                  return (
                    <tr key={p.partition}>
                      <th scope="row">{p.partition}</th>
                      <td>{planned?.inputs[i]?.ranges[p.partition]?.untilOffset ?? startAt(p.partition)}</td>
                      <td>{doneAt}</td>
                      <td>{p.highWatermark}</td>
                      <td>{Math.max(0, p.highWatermark - doneAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
