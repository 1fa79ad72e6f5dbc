import { cdfGuide } from './rng';
import { lastTick } from './time';
import type { ExplicitTupleSpec, ProducerSpec, ScenarioSpec } from './types';

/** A producer prepared for fast generation: key indices and the cumulative key distribution. */
export interface CompiledProducer {
  readonly index: number;
  readonly spec: ProducerSpec;
  /** Index into the scenario's key dictionary for each of the producer's keys. */
  readonly keyIndices: Int32Array;
  readonly keyCdf: Float64Array;
  /** `cdfGuide(keyCdf)`: where `sampleGuided` starts its scan. */
  readonly keyGuide: Int32Array;
  /** 10 ** value.decimals, the factor values are rounded by. */
  readonly valueFactor: number;
}

export interface CompiledScenario {
  readonly spec: ScenarioSpec;
  /** Every key of the scenario, interned: tuples store an index into this list. */
  readonly keys: readonly string[];
  readonly keyIndex: ReadonlyMap<string, number>;
  readonly producers: readonly CompiledProducer[];
  /** Explicit tuples sorted by event time (stable), with their producer index. */
  readonly explicit: readonly (ExplicitTupleSpec & {
    readonly producerIndex: number;
    readonly order: number;
  })[];
  readonly lastTick: number;
  /** Roughly how many tuples the run will create (to size its storage). */
  readonly expectedTuples: number;
}

/** The lane that holds explicit tuples which name no producer. */
export const SCRIPTED_PRODUCER_ID = 'scripted';

export function compileScenario(spec: ScenarioSpec): CompiledScenario {
  const producerSpecs: ProducerSpec[] = [...spec.producers];
  if (
    spec.tuples.some((t) => t.producer === SCRIPTED_PRODUCER_ID) &&
    !producerSpecs.some((p) => p.id === SCRIPTED_PRODUCER_ID)
  ) {
    producerSpecs.push(scriptedProducer(spec));
  }
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const intern = (key: string) => {
    let i = keyIndex.get(key);
    if (i === undefined) {
      i = keys.length;
      keys.push(key);
      keyIndex.set(key, i);
    }
    return i;
  };
  const producers = producerSpecs.map((p, index) => {
    const cdf = keyCdf(p);
    return {
      index,
      spec: p,
      keyIndices: Int32Array.from(p.keys, intern),
      keyCdf: cdf,
      keyGuide: cdfGuide(cdf),
      valueFactor: 10 ** p.value.decimals,
    };
  });
  const producerIndex = new Map(producers.map((p) => [p.spec.id, p.index]));
  const explicit = spec.tuples
    .map((t, order) => {
      const index = producerIndex.get(t.producer);
      if (index === undefined)
        throw new Error(`Explicit tuple ${order} names unknown producer "${t.producer}"`);
      intern(t.key);
      return { ...t, producerIndex: index, order };
    })
    .sort((a, b) => a.eventTime - b.eventTime || a.order - b.order);
  let expectedTuples = explicit.length;
  for (const p of producers) {
    const spanMs = Math.max(0, Math.min(p.spec.stopMs, spec.durationMs + 1) - p.spec.startMs);
    expectedTuples += (p.spec.ratePerSec * spanMs) / 1000;
  }
  return {
    spec,
    keys,
    keyIndex,
    producers,
    explicit,
    lastTick: lastTick(spec.durationMs, spec.tickMs),
    expectedTuples,
  };
}

function scriptedProducer(spec: ScenarioSpec): ProducerSpec {
  return {
    id: SCRIPTED_PRODUCER_ID,
    label: 'Scripted tuples',
    ratePerSec: 0,
    arrivals: 'fixed',
    startMs: 0,
    stopMs: spec.durationMs,
    keys: [],
    keyDistribution: { kind: 'uniform' },
    value: { min: 0, max: 0, decimals: 0 },
    payload: { kind: 'structured', keyColumn: 'key', valueColumn: 'value', unit: '' },
    delay: { kind: 'constant', ms: 0 },
    jitter: { probability: 0, maxMs: 0 },
    offline: [],
    dropProbability: 0,
    keyed: true,
  };
}

function keyCdf(p: ProducerSpec): Float64Array {
  const n = p.keys.length;
  const weights = new Float64Array(n);
  const d = p.keyDistribution;
  for (let i = 0; i < n; i++) {
    if (d.kind === 'uniform') weights[i] = 1;
    else if (d.kind === 'zipf') weights[i] = 1 / (i + 1) ** d.exponent;
    else {
      const hot = p.keys.indexOf(d.key);
      const others = n - 1;
      weights[i] = i === hot ? d.share : others > 0 ? (1 - d.share) / others : 0;
    }
  }
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]!;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += weights[i]! / sum;
    cdf[i] = acc;
  }
  if (n > 0) cdf[n - 1] = 1;
  return cdf;
}
