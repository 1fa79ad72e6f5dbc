import type { StreamSource } from './microbatch/types';
import { payloadOf } from './payload';
import type { CompiledScenario } from './scenario';
import { tickOfTime } from './time';
import type { History } from './world';

/** How a streaming application reads the world: only what the history has recorded. */
export function streamSourceOf(scenario: CompiledScenario, h: History): StreamSource {
  const { tuples } = h;
  const tickMs = scenario.spec.tickMs;
  const producers = scenario.producers;
  const arrivalTime = tuples.arrivalTime;
  const firstArrivalAtOrAfter = (timeMs: number) => {
    let lo = 0;
    let hi = h.arrivalOrder.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (arrivalTime.get(h.arrivalOrder.get(mid)) < timeMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    kafkaPartitions: h.committed.length,
    producerIds: producers.map((p) => p.spec.id),
    key: (id) => tuples.key(id),
    value: (id) => tuples.value.get(id),
    text: (id) => {
      const producer = producers[tuples.producer.get(id)]!.spec;
      const payload = payloadOf(tuples.viewAt(id, Number.POSITIVE_INFINITY), producer);
      if (payload.kind === 'unstructured') return payload.text;
      if (payload.kind === 'semiStructured') return JSON.stringify(payload.document);
      return payload.columns.map((c) => String(c.value)).join(',');
    },
    arrivalTime: (id) => arrivalTime.get(id),
    producerOf: (id) => producers[tuples.producer.get(id)]!.spec.id,
    arrivals: (fromMs, toMs) => {
      const out: number[] = [];
      for (let i = firstArrivalAtOrAfter(fromMs); i < h.arrivalOrder.length; i++) {
        const id = h.arrivalOrder.get(i);
        if (arrivalTime.get(id) >= toMs) break;
        out.push(id);
      }
      return out;
    },
    latestOffset: (partition, timeMs) => {
      const column = h.hwByTick[partition];
      if (!column || column.length === 0) return 0;
      return column.get(Math.min(column.length - 1, tickOfTime(timeMs, tickMs)));
    },
    recordAt: (partition, offset) => h.committed[partition]!.get(offset),
  };
}
