import {
  analyseEventTime,
  type EventTimeAnalysis,
  type EventTimeSpec,
  eventRecords,
  type Simulation,
  watermarkAt,
} from '../../engine';
import type { Lesson, TaskContext } from '../types';

const analyses = new WeakMap<Simulation, EventTimeAnalysis | null>();

/**
 * The run's event-time query over the whole run (what the event-time plot draws), computed once per
 * run: a run's scenario never changes, and an edit makes a new run. Null without a query.
 */
export function eventTimeOf(sim: Simulation): EventTimeAnalysis | null {
  const known = analyses.get(sim);
  if (known !== undefined) return known;
  const spec = sim.scenario.spec;
  const analysis = spec.eventTime
    ? analyseEventTime(
        spec.eventTime,
        eventRecords(spec, sim.seed),
        sim.scenario.producers.length,
        spec.durationMs,
        spec.delivery?.partitions,
      )
    : null;
  analyses.set(sim, analysis);
  return analysis;
}

/** The learner's event-time query, or null when the scenario has none. */
export function queryOf(ctx: TaskContext): EventTimeSpec | null {
  return ctx.sim.scenario.spec.eventTime ?? null;
}

/** The watermark in force at the cursor (−∞ before the first). */
function watermarkNow(sim: Simulation): number {
  const a = eventTimeOf(sim);
  return a ? watermarkAt(a.watermark, sim.timeMs, Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY;
}

/** Whether the watermark has passed the end of the first window the query emits. */
function passedFirstWindow(sim: Simulation): boolean {
  const first = eventTimeOf(sim)?.emissions[0];
  return first !== undefined && watermarkNow(sim) >= first.window.endMs;
}

export const watermarksLesson: Lesson = {
  id: 'watermarks',
  topic: 'watermarks',
  title: 'Watermarks: when is a window complete?',
  summary:
    'A watermark is the processor’s estimate of how far event time has got: it decides when a window is emitted and which tuples come too late.',
  steps: [
    {
      title: 'How long should we wait?',
      body: [
        'This query counts readings in 5-second event-time windows: [0 s, 5 s), [5 s, 10 s) and so on. When can it report the count for [0 s, 5 s)? Not at 5 s on the clock: the phone’s readings are delayed and often overtaken, and some from before 5 s are still on their way.',
        'Streaming systems answer with a watermark. A watermark W is an assertion: no more tuples with an event time earlier than W are expected. Once W has passed the end of a window, the window can be emitted.',
        'In the Event time plot, processing time runs across and event time up. Each dot is a tuple; the stepped line is the watermark, and the legend under the plot tells it apart from the perfect watermark, which only an oracle that knew every future arrival could draw.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 5000 },
      highlight: ['etplot'],
      task: {
        text: 'Press Space to play until the watermark climbs past 5 s, the end of the first window.',
        hint: 'The line of text above the plot says where the watermark is at every moment.',
        check: (ctx) => passedFirstWindow(ctx.sim),
      },
    },
    {
      title: 'Spark’s rule: the newest event time minus a delay',
      body: [
        'Spark Structured Streaming sets the watermark to the largest event time seen so far minus a delay you choose, here `withWatermark("eventTime", "2 seconds")`. It works in micro-batches (a trigger every second): the watermark is computed when a batch ends and used by the next one.',
        'So the window [0 s, 5 s) does not come out the moment the watermark passes 5 s, but in the micro-batch after that. In append mode, used here, it is emitted once, final, and its state is then dropped.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 8000 },
      highlight: ['etplot', 'wresults'],
      task: {
        text: 'Step forward with → until the first result appears in Window results. Note how long after the window’s end it came.',
        hint: 'The column “First result after window end” in Window results gives the wait.',
        check: (ctx) => {
          const first = eventTimeOf(ctx.sim)?.emissions[0];
          return first !== undefined && ctx.sim.timeMs >= first.atMs;
        },
      },
    },
    {
      title: 'Late tuples are dropped',
      // Per window, not per tuple. Spark: a row is dropped when its window's end is at or below the
      // watermark (StateStoreSaveExec's watermarkPredicateForData on the window column,
      // sql/core/.../execution/streaming/statefulOperators.scala). Flink: an element is skipped only
      // when every window it belongs to is late, cleanupTime = maxTimestamp + allowedLateness ≤ the
      // watermark (WindowOperator.isWindowLate / isElementLate, flink-streaming-java).
      body: [
        'A watermark is a guess. The lecture’s rule, after watermark W expect no more tuples with an event time below W, says when the system may stop waiting for a window. What happens to a tuple that comes anyway is decided per window, not per tuple: Spark drops a row only when the window it falls in has already ended at or before the watermark (its result was emitted and its state thrown away); a row below W whose window is still open is counted. Flink drops an element only when every window it belongs to has passed its end plus the allowed lateness. In the plot a dropped tuple is a cross (✕).',
        'Spark promises only one direction: a tuple less than the delay behind the newest event time is always counted. One further behind may be dropped, and here it is. Choosing the delay is a bet on how late your data can be.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 30000 },
      highlight: ['etplot', 'wresults'],
      task: {
        text: 'Play on until a cross appears in the plot, then click it.',
        hint: 'It is a phone reading from about 28 s that arrives at about 35 s, when the watermark is already past 30 s.',
        check: (ctx) =>
          eventTimeOf(ctx.sim)?.late.some((l) => l.id === ctx.selectedTuple && l.atMs <= ctx.sim.timeMs) ??
          false,
      },
    },
    {
      title: 'Completeness or speed: choosing the delay',
      body: [
        'A longer delay waits for more stragglers, so fewer tuples are dropped, but every window is emitted later. A shorter one gives faster results and drops more. No setting is right for every stream: it depends on how late your data really is.',
        'Under Window results, the Side by side table runs the same tuples with another delay and marks every result that differs.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 40000 },
      highlight: ['etplot', 'wresults'],
      task: {
        text: 'In the query settings above the plot, raise Watermark delay (s) until no tuple is dropped in the whole run; the line above the plot says how many were.',
        hint: 'Try 3 or 4 seconds. Each change recomputes the whole run at once; then see how much later the windows come out.',
        check: (ctx) => eventTimeOf(ctx.sim)?.late.length === 0,
      },
    },
    {
      title: 'Flink’s watermarks',
      body: [
        'Flink generates watermarks as the stream flows, periodically (every 200 ms here). With `WatermarkStrategy.forBoundedOutOfOrderness` and a bound of 2 s the watermark is the largest timestamp seen minus 2 s minus 1 ms, and an event-time window fires as soon as the watermark reaches its last millisecond, with no micro-batch to wait for.',
        'A tuple that arrives after its window has fired is dropped by default. Flink can keep windows a while longer with `allowedLateness`, firing again for each late tuple, or send late tuples to a side output instead of losing them.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 10000 },
      highlight: ['etplot', 'wresults'],
      task: {
        text: 'Switch Rules to Flink, then compare when the first windows fire and which tuples are dropped.',
        hint: 'Rules is the first setting above the plot. The Side by side table can also put Spark and Flink next to each other.',
        check: (ctx) => queryOf(ctx)?.engine === 'flink',
      },
    },
    {
      title: 'Idle inputs hold the watermark back',
      // Flink docs, "Generating Watermarks" → "Dealing With Idle Sources" (withIdleness) and "Timely
      // Stream Processing" (an operator's event time is the minimum over its inputs); Spark:
      // WatermarkTracker with MultipleWatermarkPolicy "min" (spark.sql.streaming.multipleWatermarkPolicy).
      body: [
        'A watermark moves only as fast as its slowest input. Flink’s Kafka source can generate one per partition, and an operator takes the minimum over its inputs; Spark, when a query reads several streams each with `withWatermark`, takes the minimum too by default. An input that goes quiet keeps its old watermark and holds back every window downstream.',
        'Flink’s cure is `WatermarkStrategy.withIdleness(…)`: an input silent for that long is left out of the minimum until data comes again. In this scenario a phone goes offline, but it shares one topic with the others and Spark keeps one watermark for the whole source, so the others move it on and the phone’s backlog arrives too late for its windows. The simulator keeps one watermark per query; it does not model watermarks per partition.',
      ],
      frame: { scenario: 'kafka-structured-streaming', seed: 7, timeMs: 42000 },
      highlight: ['qprogress', 'producers'],
    },
  ],
};
