import type { Simulation } from '../../engine';

export interface KeyCount {
  readonly key: string;
  readonly count: number;
}

export interface ProducerKeys {
  readonly producer: string;
  /** Descending by count, then by key. */
  readonly keys: readonly KeyCount[];
  readonly total: number;
}

/**
 * How many tuples each producer has created per key by the cursor: the skew a key distribution
 * makes, which a hot partition or a hot task later inherits (issue 20: the skewed-keys scenario
 * showed no keys at all).
 */
export function keyCounts(sim: Simulation): ProducerKeys[] {
  const producers = sim.scenario.producers;
  const counts = producers.map(() => new Map<string, number>());
  const created = sim.frame().created;
  for (let id = 0; id < created; id++) {
    const t = sim.tuple(id);
    if (!t) continue;
    const m = counts[t.producerIndex]!;
    m.set(t.key, (m.get(t.key) ?? 0) + 1);
  }
  return producers.map((p, i) => {
    const keys = [...counts[i]!.entries()]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    return { producer: p.spec.label, keys, total: keys.reduce((n, k) => n + k.count, 0) };
  });
}
