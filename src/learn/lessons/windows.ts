import type { Lesson, TaskContext } from '../types';
import { eventTimeOf, queryOf } from './watermarks';

/** Whether the query has emitted a result for the window [startMs, endMs) by the cursor. */
function emitted(ctx: TaskContext, startMs: number, endMs: number): boolean {
  return (
    eventTimeOf(ctx.sim)?.emissions.some(
      (e) => e.window.startMs === startMs && e.window.endMs === endMs && e.atMs <= ctx.sim.timeMs,
    ) ?? false
  );
}

export const windowsLesson: Lesson = {
  id: 'windows',
  topic: 'windows',
  title: 'Windows: tumbling, sliding and session',
  summary:
    'Cutting an unbounded stream into finite pieces by event time, and choosing how and when each window’s result is emitted.',
  steps: [
    {
      title: 'Tumbling windows',
      body: [
        'An aggregate over an unbounded stream would never finish, so queries group tuples into windows of event time. Tumbling windows have a fixed size and do not overlap: here [0 s, 5 s), [5 s, 10 s), [10 s, 15 s) and so on. Each tuple falls into exactly one window.',
        'A window includes its start and excludes its end: a tuple with event time exactly 5.000 s belongs to [5 s, 10 s), not to [0 s, 5 s). In the Event time plot each window is a shaded pane across its stretch of event time; it is drawn bold once it has fired, with its result written in it.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 12000 },
      highlight: ['etplot', 'wresults'],
      task: {
        text: 'Step forward with → until the window [5 s, 10 s) has a result in Window results.',
        hint: 'It comes out in the first micro-batch after the watermark has passed 10 s.',
        check: (ctx) => emitted(ctx, 5000, 10000),
      },
    },
    {
      title: 'Sliding windows',
      body: [
        'Sliding (or hopping) windows have a size and a slide: 5 s windows every 2.5 s give [0 s, 5 s), [2.5 s, 7.5 s), [5 s, 10 s) and so on. They overlap, so each tuple belongs to size ÷ slide = 2 windows and is counted in both.',
        'They are made for moving figures: “the last 5 seconds, updated every 2.5 seconds”. In Spark this is `window(eventTime, "5 seconds", "2500 milliseconds")`; a tumbling window is the special case where the slide equals the size.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 12000 },
      highlight: ['etplot', 'wresults'],
      task: {
        text: 'In the query settings above the plot, set Window to sliding (size 5 s, slide 2.5 s) and watch the panes overlap.',
        hint: 'Window is the second setting above the plot; choosing sliding proposes a slide of half the size.',
        check: (ctx) => queryOf(ctx)?.window.kind === 'sliding',
      },
    },
    {
      title: 'Session windows',
      body: [
        'A session window has no fixed size. It gathers the tuples of one key that follow each other closely and ends after a gap of inactivity: with a 1 s gap, a session closes once its key has been quiet for 1 s. Every session has its own length.',
        'Sessions suit activity that comes in bursts: the clicks of one visit, the readings of one workout. Because a session only ends when the gap has passed in event time, it can be emitted only once the watermark is beyond its last tuple plus the gap. Spark writes `session_window(eventTime, "1 second")`; Flink has `EventTimeSessionWindows.withGap`.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 10000 },
      highlight: ['etplot', 'wresults'],
      task: {
        text: 'Set Window to session, set gap (s) to 1 and tick per key. Play until the first session appears in Window results.',
        hint: 'With the proposed gap of 3 s nothing closes: the wired sensor reads twice a second and is never quiet for that long.',
        check: (ctx) =>
          queryOf(ctx)?.window.kind === 'session' &&
          (eventTimeOf(ctx.sim)?.emissions.some((e) => e.atMs <= ctx.sim.timeMs) ?? false),
      },
    },
    {
      title: 'Output modes',
      body: [
        'When a windowed result leaves Spark is set by the output mode. Append: each window once, when the watermark passes its end, final and never changed. Update: after every micro-batch, the windows whose result changed, so a window may be emitted many times as its count grows.',
        'Complete: the whole result table after every micro-batch. Nothing is ever removed from it, so late tuples still count, but the state grows without bound. Flink works differently: a window fires once when the watermark reaches its end, and again for each late tuple within the allowed lateness.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 12000 },
      highlight: ['wresults'],
      task: {
        text: 'Set Output mode to update. In Window results, each window now has a row of results that grow from one micro-batch to the next.',
        hint: 'Output mode is one of the Spark settings above the plot; with Flink’s rules it is not shown.',
        check: (ctx) => {
          const q = queryOf(ctx);
          return q?.engine === 'spark' && q.spark.outputMode === 'update';
        },
      },
    },
  ],
};
