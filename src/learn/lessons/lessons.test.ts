import { describe, expect, it } from 'vitest';
import {
  type EventTimeSpec,
  type ScenarioSpec,
  Simulation,
  type StreamingSpec,
  type StructuredSpec,
  sinkLedger,
  type TupleView,
} from '../../engine';
import { deliveryOutcome } from '../../engine/delivery/summary';
import { parseFault, withInjected } from '../../scenarios/faults';
import { findPreset, presets } from '../../scenarios/presets';
import { parseEventTime, parseQuery, parseStreaming } from '../../scenarios/validate';
import { type FrameRef, type LessonStep, type PanelId, type TaskContext, TOPICS } from '../types';
import { findLesson, lessons } from './index';
import { finishedStateSteps } from './stateful';
import { eventTimeOf } from './watermarks';

/**
 * The views the workspace shows for a scenario, as App.tsx, EventTimePanels.tsx, QueryPanels.tsx and
 * StreamingPanels.tsx decide: a step may only point at views that are on screen.
 */
function panelsOf(spec: ScenarioSpec): ReadonlySet<PanelId> {
  const panels = new Set<PanelId>(['producers', 'transport', 'inspector', 'map', 'map:producers']);
  if (spec.delivery) panels.add('map:partitions');
  if (spec.delivery?.groups.length || spec.messaging) panels.add('map:consumers');
  if (spec.streaming || spec.query || spec.eventTime) panels.add('map:app');
  if (spec.messaging?.model === 'queue') panels.add('queue');
  if (spec.messaging) panels.add('messaging');
  if (spec.delivery) {
    panels.add('broker');
    panels.add('consumers');
  }
  if (spec.eventTime || spec.query?.operator.kind === 'windowAggregation')
    for (const p of ['etplot', 'wresults', 'dbms'] as const) panels.add(p);
  if (spec.query) for (const p of ['qprogress', 'qstate', 'qcheckpoint', 'qsink'] as const) panels.add(p);
  if (spec.streaming) {
    const stateful = spec.streaming.pipeline.some(
      (o) => o.op === 'updateStateByKey' || o.op === 'mapWithState',
    );
    for (const p of ['dstream', 'recovery', 'metrics', 'pipeline'] as const) panels.add(p);
    if (stateful || spec.streaming.checkpointDir !== null) panels.add('checkpoints');
    if (stateful) panels.add('stateinspector');
  }
  if (spec.delivery || spec.messaging) panels.add('compare');
  return panels;
}

type Entity = { readonly kind: string; readonly [field: string]: unknown };

/** A parsed block, or a thrown error naming its problems (the store would refuse it). */
function accepted<T>(
  r: { ok: true; value: T } | { ok: false; problems: readonly { path: string; message: string }[] },
) {
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.value;
}

/**
 * A learner at the simulator, mirroring what the store does: a frame opens a run (preset, seed,
 * rate, edited streaming application and event-time query, injected faults) at a moment; faults and
 * edits recompute the run at the same tick; selecting a tuple clears the inspected entity and back.
 */
class Learner {
  readonly base: ScenarioSpec;
  readonly seed: number;
  readonly rate: number;
  faults: string[];
  streaming: StreamingSpec | null;
  eventTime: EventTimeSpec | null;
  query: StructuredSpec | null;
  sim: Simulation;
  selectedTuple: number | null;
  selectedEntity: Entity | null = null;
  compareModel: 'direct' | 'queue' | 'log' | null = null;

  constructor(readonly frame: FrameRef) {
    const preset = findPreset(frame.scenario);
    if (!preset) throw new Error(`unknown preset ${frame.scenario}`);
    this.base = preset.scenario;
    this.seed = frame.seed ?? preset.scenario.seed;
    this.rate = frame.rate ?? 1;
    this.faults = [...(frame.faults ?? [])];
    this.streaming = frame.streaming ? accepted(parseStreaming(frame.streaming, this.base)) : null;
    this.eventTime = frame.eventTime ? accepted(parseEventTime(frame.eventTime, this.base)) : null;
    this.query = frame.query ? accepted(parseQuery(frame.query, this.base)) : null;
    this.sim = this.build();
    this.sim.seekTime(frame.timeMs ?? 0);
    this.selectedTuple = frame.tuple ?? null;
  }

  /** The scenario as the store composes it. */
  get spec(): ScenarioSpec {
    const scaled =
      this.rate === 1
        ? this.base
        : {
            ...this.base,
            producers: this.base.producers.map((p) => ({ ...p, ratePerSec: p.ratePerSec * this.rate })),
          };
    const withStreaming = this.streaming ? { ...scaled, streaming: this.streaming } : scaled;
    const withEventTime = this.eventTime ? { ...withStreaming, eventTime: this.eventTime } : withStreaming;
    return this.query ? { ...withEventTime, query: this.query } : withEventTime;
  }

  private build(): Simulation {
    const spec = this.spec;
    const injected = this.faults.map((text) => {
      const f = parseFault(text, spec);
      if (typeof f === 'string') throw new Error(f);
      return f;
    });
    return new Simulation(withInjected(spec, injected), this.seed);
  }

  private rebuild(): void {
    const tick = this.sim.tick;
    this.sim = this.build();
    this.sim.seek(tick);
  }

  playTo(timeMs: number): void {
    this.sim.seekTime(timeMs);
  }

  /** A fault button pressed now: `KIND:TARGET`, injected at the current moment. */
  inject(kindAndTarget: string): void {
    this.faults.push(`${kindAndTarget}@${this.sim.timeMs}`);
    this.rebuild();
  }

  editStreaming(change: (s: StreamingSpec) => StreamingSpec): void {
    this.streaming = accepted(parseStreaming(change(this.sim.scenario.spec.streaming!), this.base));
    this.rebuild();
  }

  editEventTime(change: (q: EventTimeSpec) => EventTimeSpec): void {
    this.eventTime = accepted(parseEventTime(change(this.sim.scenario.spec.eventTime!), this.base));
    this.rebuild();
  }

  /** The query's controls (a crash added, a setting changed), as the store's editQuery does. */
  editQuery(change: (q: StructuredSpec) => StructuredSpec): void {
    this.query = accepted(parseQuery(change(this.sim.scenario.spec.query!), this.base));
    this.rebuild();
  }

  select(id: number): void {
    this.selectedTuple = id;
    this.selectedEntity = null;
  }

  inspect(entity: Entity): void {
    this.selectedEntity = entity;
    this.selectedTuple = null;
  }

  ctx(): TaskContext {
    return {
      sim: this.sim,
      selectedTuple: this.selectedTuple,
      selectedEntity: this.selectedEntity,
      injectedFaults: this.faults,
      rateScale: this.rate,
      compareModel: this.compareModel,
      streamingEdited: this.streaming !== null,
      eventTimeEdited: this.eventTime !== null,
    };
  }
}

/** The first tuple (by id) that exists at the cursor and matches. */
function findTuple(sim: Simulation, match: (t: TupleView, producer: string) => boolean): number {
  for (let id = 0; id < sim.frame().created; id++) {
    const t = sim.tuple(id);
    if (t && match(t, sim.scenario.producers[t.producerIndex]!.spec.id)) return id;
  }
  throw new Error(`no tuple matches at ${sim.timeMs} ms`);
}

const analysis = (l: Learner) => {
  const a = eventTimeOf(l.sim);
  if (!a) throw new Error('no event-time query');
  return a;
};

const nodeIndex = (l: Learner, id: string) => {
  const n = l.sim.streaming()?.nodes.find((x) => x.spec.id === id);
  if (!n) throw new Error(`no DStream ${id}`);
  return n.index;
};

const withGuarantee =
  (sink: string, guarantee: NonNullable<StreamingSpec['pipeline'][number]['guarantee']>) =>
  (s: StreamingSpec) => ({
    ...s,
    pipeline: s.pipeline.map((o) => (o.id === sink ? { ...o, guarantee } : o)),
  });

/**
 * What a learner does to complete each task, keyed `${lessonId}/${stepIndex}`. Times and tuples
 * come from the engine wherever the lesson's text does not name them.
 */
const solutions: Record<string, (l: Learner) => void> = {
  'dbms-vs-streams/1': (l) => l.playTo(16000),
  'dbms-vs-streams/2': (l) => l.playTo(l.sim.scenario.spec.durationMs),

  'tuples/0': (l) => l.select(findTuple(l.sim, (t) => t.status === 'arrived')),
  'tuples/1': (l) => l.select(findTuple(l.sim, (t, p) => p === 'thermostat' && t.status === 'arrived')),
  'tuples/2': (l) => l.select(findTuple(l.sim, (t, p) => p === 'phone' && t.status === 'arrived')),
  'tuples/3': (l) => l.select(findTuple(l.sim, (t, p) => p === 'webserver' && t.status === 'arrived')),
  'tuples/4': (l) => l.playTo(22000),

  'event-time/0': (l) => l.select(findTuple(l.sim, (t) => t.status === 'arrived')),
  'event-time/1': (l) => {
    l.playTo(6500);
    l.select(findTuple(l.sim, (t) => t.outOfOrder));
  },
  'event-time/2': (l) => {
    l.playTo(11500);
    l.select(findTuple(l.sim, (t) => t.late));
  },
  'event-time/3': (l) => {
    l.playTo(26000);
    l.select(findTuple(l.sim, (t) => t.backfilled && t.status === 'arrived'));
  },
  'event-time/5': (l) => l.select(findTuple(l.sim, (t) => (t.delayMs ?? 0) > 10000)),

  'watermarks/0': (l) => {
    const a = analysis(l);
    const end = a.emissions[0]!.window.endMs;
    l.playTo(a.watermark.find((s) => s.watermarkMs >= end)!.atMs);
  },
  'watermarks/1': (l) => l.playTo(analysis(l).emissions[0]!.atMs),
  'watermarks/2': (l) => {
    const late = analysis(l).late[0]!;
    l.playTo(late.atMs);
    l.select(late.id);
  },
  'watermarks/3': (l) => l.editEventTime((q) => ({ ...q, spark: { ...q.spark, delayMs: 4000 } })),
  'watermarks/4': (l) => l.editEventTime((q) => ({ ...q, engine: 'flink' })),

  'windows/0': (l) => {
    const e = analysis(l).emissions.find((x) => x.window.startMs === 5000 && x.window.endMs === 10000);
    l.playTo(e!.atMs);
  },
  'windows/1': (l) =>
    l.editEventTime((q) => ({ ...q, window: { kind: 'sliding', sizeMs: 5000, slideMs: 2500 } })),
  'windows/2': (l) =>
    l.editEventTime((q) => ({ ...q, window: { kind: 'session', gapMs: 1000 }, keyed: true })),
  'windows/3': (l) => l.editEventTime((q) => ({ ...q, spark: { ...q.spark, outputMode: 'update' } })),

  'messaging/0': (l) => l.playTo(7000),
  'messaging/1': (l) => l.playTo(8000),
  'messaging/2': (l) => l.inject('crashConsumer:worker-1'),
  'messaging/3': (l) => {
    l.compareModel = 'log';
  },

  'kafka-log/0': (l) => l.inspect({ kind: 'partition', partition: 0 }),
  'kafka-log/1': (l) => {
    const p0 = l.sim.delivery()!.cluster.partitions[0]!;
    const leader = p0.replicas.find((r) => r.broker === p0.leader)!;
    l.select(leader.log.get(0).tupleId);
  },
  'kafka-log/2': (l) => l.playTo(6000),
  'kafka-log/3': (l) => l.select(findTuple(l.sim, (t, p) => p === 'hot' && t.key === 'user-0')),

  'replication/0': (l) => l.inspect({ kind: 'broker', broker: 0 }),
  'replication/1': (l) => l.playTo(8500),
  'replication/2': (l) => l.inject('crashBroker:1'),
  'replication/3': (l) => l.playTo(6000),
  'replication/4': (l) => l.inspect({ kind: 'partition', partition: 1 }),

  'consumer-groups/0': (l) => l.inspect({ kind: 'member', group: 0, member: 'c1' }),
  'consumer-groups/1': (l) => l.playTo(12500),
  'consumer-groups/2': (l) => l.playTo(16500),
  'consumer-groups/3': (l) => l.inject('removeConsumer:analytics/c1'),
  'consumer-groups/4': (l) => {
    l.inject('addConsumer:analytics/c3');
    l.inject('addConsumer:analytics/c4');
  },

  'dstreams/0': (l) => l.inspect({ kind: 'batch', timeMs: 2000, node: null, partition: null }),
  'dstreams/1': (l) => l.inspect({ kind: 'dstream', node: nodeIndex(l, 'counts') }),
  'dstreams/2': (l) => l.playTo(2000),
  'dstreams/3': (l) => l.inspect({ kind: 'batch', timeMs: 4000, node: nodeIndex(l, 'lines'), partition: 0 }),
  'dstreams/4': (l) => {
    l.editStreaming((s) => ({ ...s, perRecordMs: 8 }));
    l.playTo(12000);
  },
  'dstreams/5': (l) => l.editStreaming((s) => ({ ...s, backpressure: { ...s.backpressure, enabled: true } })),

  'stateful/0': (l) => l.playTo(3500),
  'stateful/1': (l) => l.playTo(13500),
  'stateful/2': (l) => l.playTo(20500),
  'stateful/4': (l) => l.editStreaming((s) => ({ ...s, checkpointDir: null })),

  'checkpointing/0': (l) => l.playTo(10500),
  'checkpointing/1': (l) => {
    const atMs = l.sim.timeMs;
    l.editStreaming((s) => ({ ...s, faults: [{ atMs, kind: 'driverCrash', restartAfterMs: 2000 }] }));
    l.playTo(atMs + 3000);
  },
  'checkpointing/2': (l) => l.editStreaming(withGuarantee('saveTotals', 'idempotent')),
  'checkpointing/3': (l) => l.editStreaming(withGuarantee('save', 'atMostOnce')),
  'checkpointing/4': (l) => l.editStreaming((s) => ({ ...s, checkpointDir: '/tmp/streamscope' })),

  'structured-streaming/0': (l) => l.inspect({ kind: 'partition', partition: 0 }),
  'structured-streaming/1': (l) => l.playTo(6000),
  'structured-streaming/2': (l) => l.playTo(26000),
  'structured-streaming/3': (l) => l.playTo(46000),
  // “Crash the driver now” (QueryControls): a driverCrash at the moment shown, back after 3 s.
  'structured-streaming/5': (l) => {
    const atMs = l.sim.timeMs;
    l.editQuery((q) => ({
      ...q,
      faults: [...q.faults, { kind: 'driverCrash', atMs, restartAfterMs: 3000 }],
    }));
    l.playTo(atMs + 4000);
  },
};

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HTML = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

const allSteps = lessons.flatMap((lesson) => lesson.steps.map((step, i) => ({ lesson, step, i })));
const tasks = allSteps.filter((s): s is typeof s & { step: LessonStep & { task: object } } => !!s.step.task);

describe('lessons', () => {
  it('have unique kebab-case ids, one lesson per topic at least, in topic order', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(13);
    const ids = lessons.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(KEBAB);
    const order = TOPICS.map((t) => t.id as string);
    for (const topic of order) expect(lessons.some((l) => l.topic === topic)).toBe(true);
    const positions = lessons.map((l) => order.indexOf(l.topic));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const l of lessons) expect(findLesson(l.id)).toBe(l);
    expect(findLesson('no-such-lesson')).toBeUndefined();
  });

  it('have 3–6 steps, most with tasks, and plain-text prose of 2–4 paragraphs per step', () => {
    for (const lesson of lessons) {
      expect(lesson.title.trim(), lesson.id).not.toBe('');
      expect(lesson.summary.trim(), lesson.id).not.toBe('');
      expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(3);
      expect(lesson.steps.length, lesson.id).toBeLessThanOrEqual(6);
      expect(lesson.steps.filter((s) => s.task).length, lesson.id).toBeGreaterThanOrEqual(2);
      const texts = [lesson.title, lesson.summary];
      for (const [i, step] of lesson.steps.entries()) {
        const where = `${lesson.id}/${i}`;
        expect(step.title.trim(), where).not.toBe('');
        expect(step.body.length, where).toBeGreaterThanOrEqual(2);
        expect(step.body.length, where).toBeLessThanOrEqual(4);
        texts.push(step.title, ...step.body);
        if (step.task) texts.push(step.task.text, step.task.hint);
      }
      for (const text of texts) {
        expect(text, lesson.id).not.toMatch(HTML);
        expect(text.trim(), lesson.id).not.toBe('');
        // Code spans are written with backticks: they must pair up.
        expect((text.match(/`/g) ?? []).length % 2, text).toBe(0);
      }
    }
  });

  it('open frames of existing presets, within their duration, with faults and edits the simulator accepts', () => {
    for (const { lesson, step, i } of allSteps) {
      const where = `${lesson.id}/${i}`;
      const preset = findPreset(step.frame.scenario);
      expect(preset, where).toBeDefined();
      const spec = preset!.scenario;
      expect(step.frame.seed, where).toBeDefined();
      const t = step.frame.timeMs ?? 0;
      expect(Number.isInteger(t) && t >= 0 && t <= spec.durationMs, `${where}: ${t} ms`).toBe(true);
      for (const fault of step.frame.faults ?? [])
        expect(typeof parseFault(fault, spec), `${where}: ${fault}`).toBe('object');
      if (step.frame.streaming) expect(parseStreaming(step.frame.streaming, spec).ok, where).toBe(true);
      if (step.frame.eventTime) expect(parseEventTime(step.frame.eventTime, spec).ok, where).toBe(true);
      if (step.frame.query) expect(parseQuery(step.frame.query, spec).ok, where).toBe(true);
      // Building the run must work (and a frame's streaming application and query must start).
      const l = new Learner(step.frame);
      expect(l.sim.timeMs, where).toBe(t);
      expect(l.sim.streaming()?.error ?? null, where).toBeNull();
      expect(l.sim.query()?.error ?? null, where).toBeNull();
    }
  });

  it('point only at views that the step’s scenario shows', () => {
    for (const { lesson, step, i } of allSteps) {
      const spec = new Learner(step.frame).spec;
      const panels = panelsOf(spec);
      expect(step.highlight.length, `${lesson.id}/${i}`).toBeGreaterThan(0);
      for (const id of step.highlight) expect(panels.has(id), `${lesson.id}/${i}: ${id}`).toBe(true);
    }
  });

  it('have a scripted solution for every task, and none for a step without one', () => {
    const keys = new Set(tasks.map(({ lesson, i }) => `${lesson.id}/${i}`));
    for (const key of keys) expect(solutions[key], key).toBeDefined();
    for (const key of Object.keys(solutions)) expect(keys.has(key), `stale solution ${key}`).toBe(true);
  });

  for (const { lesson, step, i } of tasks) {
    const key = `${lesson.id}/${i}`;
    it(`${key}: the task is not done at the step’s frame, and is done after its solution`, () => {
      const l = new Learner(step.frame);
      expect(step.task.check(l.ctx()), `${key} already done at ${l.sim.timeMs} ms`).toBe(false);
      const solve = solutions[key];
      expect(solve, key).toBeDefined();
      solve!(l);
      expect(step.task.check(l.ctx()), `${key} not done after the solution (at ${l.sim.timeMs} ms)`).toBe(
        true,
      );
    });
  }

  it('never throw, whatever scenario and selection the learner is on', () => {
    for (const preset of presets) {
      const sim = new Simulation(preset.scenario, preset.scenario.seed);
      for (const t of [0, Math.floor(preset.scenario.durationMs / 2)]) {
        sim.seekTime(t);
        const base: TaskContext = {
          sim,
          selectedTuple: null,
          selectedEntity: null,
          injectedFaults: [],
          rateScale: 1,
          compareModel: null,
          streamingEdited: false,
          eventTimeEdited: false,
        };
        const variants: TaskContext[] = [
          base,
          { ...base, selectedTuple: 0 },
          { ...base, selectedTuple: 10 ** 6 },
          { ...base, selectedEntity: { kind: 'partition' } },
          { ...base, selectedEntity: { kind: 'batch' } },
        ];
        for (const { lesson, step, i } of tasks)
          for (const ctx of variants)
            expect(typeof step.task.check(ctx), `${lesson.id}/${i} on ${preset.id}`).toBe('boolean');
      }
    }
  });
});

/** The numbers and events the lessons' prose states, checked against the engine. */
describe('what the lessons say happens', () => {
  const run = (preset: string, atMs: number, edit: Partial<ScenarioSpec> = {}) => {
    const spec = { ...findPreset(preset)!.scenario, ...edit };
    const sim = new Simulation(spec, spec.seed);
    sim.seekTime(atMs);
    return sim;
  };

  it('tuples and event time: the phone is offline 20–32 s; the slide’s readings arrive as told', () => {
    const phone = findPreset('three-kinds')!.scenario.producers.find((p) => p.id === 'phone')!;
    expect(phone.offline).toEqual([{ fromMs: 20000, toMs: 32000 }]);
    const sim = run('slide-example', 16000);
    const byEvent = (ms: number) => sim.tuple(findTuple(sim, (t) => t.eventTimeMs === ms))!;
    expect([byEvent(1000).arrivalTimeMs, byEvent(3000).arrivalTimeMs, byEvent(4000).arrivalTimeMs]).toEqual([
      1500, 6200, 4500,
    ]);
    expect(byEvent(3000).outOfOrder).toBe(true);
    expect(byEvent(2500)).toMatchObject({ arrivalTimeMs: 11000, late: true });
    expect(sim.scenario.spec.lateness.boundMs).toBe(3000);
    const watch = findPreset('offline-backfill')!.scenario.producers.find((p) => p.id === 'watch')!;
    expect(watch.offline).toEqual([{ fromMs: 10000, toMs: 25000 }]);
  });

  it('watermarks: the first window comes one micro-batch after the watermark passes 5 s; one late reading', () => {
    const a = eventTimeOf(run('watermarks', 0))!;
    const first = a.emissions[0]!;
    expect(first.window).toEqual({ startMs: 0, endMs: 5000 });
    const crossing = a.watermark.find((s) => s.watermarkMs >= 5000)!;
    expect(first.atMs).toBe(crossing.atMs + a.spec.spark.triggerMs);
    expect(a.late).toHaveLength(1);
    const late = a.late[0]!;
    expect(late.eventTimeMs).toBeGreaterThanOrEqual(27000);
    expect(late.eventTimeMs).toBeLessThan(28500);
    expect(late.atMs).toBeGreaterThanOrEqual(34000);
    expect(late.atMs).toBeLessThanOrEqual(36000);
    expect(late.watermarkMs).toBeGreaterThan(30000);
    expect(a.spec.flink.autoWatermarkIntervalMs).toBe(200);
  });

  it('windows: with the proposed 3 s session gap and no key, no session ever closes', () => {
    const spec = findPreset('watermarks')!.scenario;
    const sim = run('watermarks', 0, {
      eventTime: { ...spec.eventTime!, window: { kind: 'session', gapMs: 3000 } },
    });
    expect(eventTimeOf(sim)!.emissions).toHaveLength(0);
  });

  it('messaging: a worker taken offline while busy gives its order back to the queue', () => {
    const step = findLesson('messaging')!.steps[2]!;
    const l = new Learner(step.frame);
    expect(l.sim.messaging()!.consumers[0]!.current).not.toBeNull();
    l.inject('crashConsumer:worker-1');
    l.playTo(4500);
    const kinds = l.sim.traceRange(0, l.sim.frame().traceLength).map((e) => e.kind);
    expect(kinds).toContain('redelivered');
  });

  it('kafka log: of twelve users only user-8 hashes to partition 0 of three', async () => {
    const { partitionForKey } = await import('../../engine');
    const keys = findPreset('kafka-failover')!.scenario.producers[0]!.keys;
    expect(keys).toHaveLength(12);
    expect(keys.filter((k) => partitionForKey(k, 3) === 0)).toEqual(['user-8']);
    const hot = findPreset('skewed-keys')!.scenario.producers.find((p) => p.id === 'hot')!;
    expect(hot.keyDistribution).toEqual({ kind: 'hotKey', key: 'user-0', share: 0.7 });
  });

  it('replication: broker 0’s crash moves partition 0 to broker 1; min ISR refuses writes from 5 s to 11 s', () => {
    const parts = run('kafka-failover', 8000).delivery()!.cluster.partitions;
    expect(parts[0]).toMatchObject({ leader: 1, leaderEpoch: 1, isr: [1] });
    expect(parts[2]).toMatchObject({ leader: 2, isr: [2] });
    const at = (ms: number) => run('kafka-min-isr', ms).delivery()!;
    const crashed = at(5000).cluster.partitions;
    expect(crashed.map((p) => p.isr.length)).toEqual([1, 1, 2]);
    expect(at(4900).refused.notEnoughReplicas).toBe(0);
    expect(at(11000).refused.notEnoughReplicas).toBe(at(16000).refused.notEnoughReplicas);
    expect(at(12000).cluster.partitions.every((p) => p.isr.length === 2)).toBe(true);
  });

  it('consumer groups: range gives c1 partitions 0 and 1; after the takeover records are processed twice', () => {
    const members = run('kafka-failover', 5000).delivery()!.groups[0]!.members;
    expect(members.map((m) => [m.memberId, m.assigned.map((tp) => tp.partition)])).toEqual([
      ['c1', [0, 1]],
      ['c2', [2]],
    ]);
    expect(deliveryOutcome(run('kafka-failover', 20000)).consumers[0]!.duplicates).toBeGreaterThan(0);
  });

  it('dstreams: batches take under 1 s at 5 ms a record and over 1 s at 8 ms; backpressure stays ≥ 100/s', () => {
    const spec = findPreset('spark-falling-behind')!.scenario;
    const durations = (perRecordMs: number, backpressure = false) => {
      const sim = run('spark-falling-behind', 20000, {
        streaming: {
          ...spec.streaming!,
          perRecordMs,
          backpressure: { enabled: backpressure, initialRate: 0 },
        },
      });
      return sim.streaming()!.batches.filter((b) => b.endMs !== null && b.endMs <= 20000);
    };
    // “About 0.8 s”: it keeps up, so merely playing on never completes the falling-behind task.
    const fast = durations(5).map((b) => b.endMs! - b.startMs!);
    expect(Math.abs(fast.reduce((a, b) => a + b, 0) / fast.length - 800)).toBeLessThan(50);
    const step = findLesson('dstreams')!.steps[4]!;
    const l = new Learner(step.frame);
    l.playTo(l.sim.scenario.spec.durationMs);
    expect(step.task!.check(l.ctx())).toBe(false);
    for (const b of durations(8)) expect(b.endMs! - b.startMs!).toBeGreaterThan(1000);
    for (const b of durations(8, true))
      if (b.rateLimit !== null) expect(b.rateLimit).toBeGreaterThanOrEqual(100);
    const receiver = findPreset('receiver-wordcount')!.scenario.streaming!;
    expect(receiver.batchIntervalMs / receiver.pipeline[0]!.blockIntervalMs!).toBe(10);
  });

  it('stateful: the calls, the quiet batch at 13 s and the timeouts at 20 s are where the lesson says', () => {
    const sim = run('stateful-streams', 25000);
    const at = (op: 'updateStateByKey' | 'mapWithState', ms: number) =>
      finishedStateSteps(sim, op).find((s) => s.timeMs === ms)!;
    const third = at('updateStateByKey', 3000).calls;
    expect(third.filter((c) => c.reason === 'noNewValues').map((c) => c.key)).toEqual(['ana', 'kim']);
    expect(at('mapWithState', 13000).calls).toHaveLength(0);
    expect(at('updateStateByKey', 13000).calls).toHaveLength(5);
    const timedOut = finishedStateSteps(sim, 'mapWithState').filter((s) => s.timedOut.length > 0);
    expect(timedOut.map((s) => s.timeMs)).toEqual([20000]);
    expect(
      at('mapWithState', 20000)
        .calls.filter((c) => c.reason === 'timeout')
        .map((c) => c.key),
    ).toEqual(['kim', 'lee']);
    const quiet = (key: string) =>
      Math.max(
        ...finishedStateSteps(sim, 'updateStateByKey')
          .filter((s) => s.timeMs < 20000 && s.calls.some((c) => c.key === key && c.reason === 'newValues'))
          .map((s) => s.timeMs),
      );
    expect([quiet('lee'), quiet('kim')]).toEqual([11000, 12000]);
    expect(sim.streaming()!.dataCheckpoints.map((c) => c.timeMs)).toEqual([10000, 10000, 20000, 20000]);
  });

  it('checkpointing: the re-run batch at 10 s duplicates at-least-once output; at most once loses a running batch', () => {
    const stateful = findPreset('stateful-streams')!.scenario;
    const crash = [{ atMs: 10500, kind: 'driverCrash' as const, restartAfterMs: 2000 }];
    const sim = run('stateful-streams', 16000, { streaming: { ...stateful.streaming!, faults: crash } });
    const r = sim.streaming()!;
    expect(r.recoveries[0]).toMatchObject({ crashMs: 10500, restartMs: 13000, checkpointMs: 10000 });
    expect(r.batches.some((b) => b.timeMs === 10000 && b.attempt === 2)).toBe(true);
    const sink = r.nodes.find((n) => n.spec.id === 'saveTotals')!.index;
    expect(sinkLedger(r, sink, 'atLeastOnce', 16000).duplicates).toBeGreaterThan(0);
    expect(sinkLedger(r, sink, 'idempotent', 16000).duplicates).toBe(0);
    expect(sinkLedger(r, sink, 'transactional', 16000).duplicates).toBe(0);
    const behind = findPreset('spark-falling-behind')!.scenario;
    const falling = run('spark-falling-behind', 14000, {
      streaming: { ...behind.streaming!, checkpointDir: '/tmp/streamscope', faults: crash },
    }).streaming()!;
    const tenth = falling.batches.find((b) => b.timeMs === 10000 && b.attempt === 1)!;
    expect(tenth.startMs! <= 10500 && tenth.killedAtMs === 10500).toBe(true);
    const startingOffsets = behind.streaming!.pipeline[0]!.startingOffsets;
    expect(startingOffsets).toBe('earliest');
  });

  it('structured streaming: batches, watermarks, the backlog batch and the re-run are where the lesson says', async () => {
    const { partitionForKey } = await import('../../engine');
    const keys = findPreset('kafka-structured-streaming')!.scenario.producers.flatMap((p) => p.keys);
    expect(keys.filter((k) => partitionForKey(k, 3) === 0)).toEqual(['temp-b']);
    const sim = run('kafka-structured-streaming', 60000);
    const q = sim.query()!;
    const batch = (id: number) => q.batches.find((b) => b.batchId === id)!;
    const ranges = (id: number) => batch(id).inputs[0]!.ranges.map((r) => [r.fromOffset, r.untilOffset]);
    expect(batch(0)).toMatchObject({ triggerMs: 5000, numInputRows: 23 });
    expect(ranges(0)).toEqual([
      [0, 4],
      [0, 9],
      [0, 10],
    ]);
    const written = (path: string) => q.files.find((f) => f.path.endsWith(path))!.writtenAtMs;
    expect(written('/offsets/0')).toBeLessThan(written('/commits/0'));
    expect(written('/commits/0')).toBeGreaterThan(5000);
    expect(written('/commits/0')).toBeLessThanOrEqual(6000);
    expect(batch(1).eventTime!.maxMs).toBe(9000);
    expect(batch(2).watermarkMs).toBe(4000);
    const firstOut = q.batches.find((b) => b.state.removed.some((r) => r.window!.startMs === 0))!;
    expect(firstOut).toMatchObject({ batchId: 4, triggerMs: 25000, watermarkMs: 14000 });
    expect(firstOut.output.every((r) => r.window!.startMs === 0)).toBe(true);
    expect(firstOut.sinkMs).toBeLessThanOrEqual(26000);
    expect(q.batches.some((b) => b.noData)).toBe(false);
    const eight = batch(8);
    expect(eight).toMatchObject({
      triggerMs: 45000,
      numInputRows: 76,
      lateWatermarkMs: 29000,
      watermarkMs: 34500,
    });
    expect(ranges(8)[0]).toEqual([15, 45]);
    expect(eight.dropped).toHaveLength(10);
    expect(eight.dropped.every((d) => d.window!.startMs === 10000)).toBe(true);
    const phoneB = sim.scenario.producers.findIndex((p) => p.spec.id === 'phone-b');
    for (const d of eight.dropped)
      expect(sim.tuple(d.id)).toMatchObject({ producerIndex: phoneB, backfilled: true });
    expect(eight.output.map((r) => r.window!.startMs)).toEqual([20000, 20000, 20000, 20000, 20000]);
    expect(eight.sinkMs).toBeLessThanOrEqual(46000);
    expect(batch(6).output.every((r) => r.window!.startMs === 10000)).toBe(true);
    // Partition 0 (temp-b only) gets nothing while phone B is offline.
    for (const id of [3, 4, 5, 6, 7]) expect(ranges(id)[0]).toEqual([15, 15]);
    // The crash at 35.2 s lands while batch 6 runs; its re-run reads offsets/6 again.
    expect(batch(6).offsetsWrittenMs).toBe(35050);
    expect(batch(6).watermarkMs).toBe(24000);
    expect(batch(6).sinkMs).toBeGreaterThan(35200);
    const step = findLesson('structured-streaming')!.steps[5]!;
    const l = new Learner(step.frame);
    solutions['structured-streaming/5']!(l);
    const crashed = l.sim.query()!;
    const killed = crashed.batches.find((b) => b.killed)!;
    const rerun = crashed.batches.find((b) => b.reRun)!;
    expect(killed).toMatchObject({ batchId: 6, killed: { atMs: 35200, phase: 'midBatch' } });
    expect(rerun.batchId).toBe(6);
    expect(rerun.inputs).toEqual(killed.inputs);
    expect(rerun.watermarkMs).toBe(24000);
    expect(crashed.files.filter((f) => f.path.endsWith('/offsets/6'))).toHaveLength(1);
    expect(crashed.files.find((f) => f.path.endsWith('/commits/6'))!.writtenAtMs).toBe(rerun.commitMs);
  });
});
