import type { StaticQuestion } from '../types';

export const windowsQuestions: readonly StaticQuestion[] = [
  {
    id: 'windows-tumbling-start',
    topic: 'windows',
    kind: 'numeric',
    prompt:
      'Tumbling event-time windows of 5 s, aligned so that windows start at 0 s, 5 s, 10 s, … A tuple has event time 12.3 s. At what second does its window start?',
    answer: 10,
    unit: 's',
    explanation:
      'Tumbling windows are fixed-size, non-overlapping, half-open intervals: [10 s, 15 s) contains 12.3 s. The start is the event time rounded down to a multiple of the window size.',
    hint: 'Round the event time down to a multiple of the window size.',
    frame: { scenario: 'watermarks', timeMs: 15_000 },
  },
  {
    id: 'windows-sliding-count',
    topic: 'windows',
    kind: 'numeric',
    prompt:
      'Sliding (hopping) windows of length 30 s that slide every 10 s. In how many windows does each tuple fall?',
    answer: 3,
    unit: 'windows',
    explanation:
      'A new window starts every 10 s and each lasts 30 s, so 30 / 10 = 3 windows overlap any instant. Each tuple is counted once in each of them.',
    hint: 'Divide the window length by the slide.',
  },
  {
    id: 'windows-session-count',
    topic: 'windows',
    kind: 'numeric',
    prompt:
      "Event-time session windows with a gap of 5 s (as in Flink's `EventTimeSessionWindows.withGap`). One key's tuples have event times 1 s, 3 s, 10 s, 12 s and 20 s. How many sessions result?",
    answer: 3,
    unit: 'sessions',
    explanation:
      'The pauses between tuples are 2 s, 7 s, 2 s and 8 s; the two pauses longer than the gap split them into {1 s, 3 s}, {10 s, 12 s} and {20 s}. In Flink each tuple opens [t, t + 5 s) and overlapping windows merge: [1, 8), [10, 17), [20, 25).',
    hint: 'Look for pauses longer than 5 s between consecutive tuples.',
  },
  {
    id: 'windows-half-open-boundary',
    topic: 'windows',
    kind: 'choice',
    prompt:
      'Tumbling 10-minute windows are half-open intervals `[start, end)`. A tuple has event time exactly 12:10:00. Which window does it belong to?',
    options: [
      {
        text: '[12:00, 12:10)',
        why: 'The end of a half-open interval is excluded: this window holds times up to but not including 12:10:00.',
      },
      {
        text: 'Both [12:00, 12:10) and [12:10, 12:20)',
        why: 'Tumbling windows do not overlap; half-open intervals are used precisely so every instant belongs to exactly one of them.',
      },
      {
        text: '[12:10, 12:20)',
        why: 'Right: the start is included, so 12:10:00 is the first instant of this window.',
      },
      {
        text: 'Neither: tuples exactly on a boundary are dropped.',
        why: 'No tuple is dropped for falling on a boundary; the half-open rule assigns it to the window that starts there.',
      },
    ],
    answer: 2,
    explanation:
      'Windows include their start and exclude their end, so consecutive tumbling windows share no instant and every tuple lands in exactly one.',
    hint: 'In `[start, end)`, which bracket includes its endpoint?',
  },
  {
    id: 'windows-session-fit',
    topic: 'windows',
    kind: 'choice',
    prompt:
      "Which kind of window fits the query: group each user's clicks into visits, where a visit ends after 30 minutes without a click?",
    options: [
      {
        text: 'Tumbling windows of 30 minutes',
        why: 'Tumbling windows have fixed boundaries on the clock, so one visit could be cut in two at 12:30 while a long pause inside a window would not split it.',
      },
      {
        text: 'Session windows with a gap of 30 minutes',
        why: "Right: a session window grows while activity continues and closes after a gap of inactivity, so its length follows each user's behaviour.",
      },
      {
        text: 'Sliding windows of 30 minutes every minute',
        why: 'Sliding windows also have fixed, clock-aligned boundaries, and each click would be counted in 30 overlapping windows.',
      },
      {
        text: 'One global window per user that never closes',
        why: 'A global window never ends, so it cannot separate one visit from the next without a custom trigger.',
      },
    ],
    answer: 1,
    explanation:
      'Session windows are defined by gaps in the data rather than by the clock: per key, tuples closer together than the gap belong to the same session.',
    hint: 'Is the end of a visit set by the clock or by the user?',
  },
  {
    id: 'windows-spark-append-mode',
    topic: 'windows',
    kind: 'choice',
    prompt:
      "Spark Structured Streaming, a windowed count with a watermark. Which output mode writes each window's count exactly once, after the watermark has passed the window's end?",
    options: [
      {
        text: 'Update',
        why: 'Update mode writes a window whenever its count changes in a trigger, so the same window can be written many times.',
      },
      {
        text: 'Complete',
        why: 'Complete mode writes the whole result table, every window, in every trigger.',
      },
      {
        text: 'Overwrite',
        why: 'Spark Structured Streaming has three output modes: append, update and complete. Overwrite is a batch save mode, not a streaming output mode.',
      },
      {
        text: 'Append',
        why: 'Right: append mode writes only rows that will not change any more, so a window is written once, when the watermark says it is final.',
      },
    ],
    answer: 3,
    explanation:
      'Append mode trades latency for finality: a window appears only after the watermark passes its end. Update mode shows results early and revises them; complete mode rewrites everything each trigger.',
    hint: 'Which mode never has to change a row it has already written?',
  },
  {
    id: 'windows-spark-complete-mode-state',
    topic: 'windows',
    kind: 'choice',
    prompt:
      'Spark Structured Streaming, a windowed count with `withWatermark`, written in complete output mode. Why is the state of old windows never dropped?',
    options: [
      {
        text: 'Complete mode writes the whole result table in every trigger, so every window ever seen must be kept.',
        why: 'Right: to output all rows each time, Spark must keep all of them; the watermark cannot be used to clean up state in complete mode.',
      },
      {
        text: 'Watermarks only work with Flink, not with Spark.',
        why: 'Spark has watermarks (`withWatermark`); they clean up state in append and update modes.',
      },
      {
        text: 'The state is dropped, but Spark recomputes old windows from the source on every trigger.',
        why: 'A streaming source cannot be reread from the beginning each trigger; Spark keeps the aggregates in its state store.',
      },
      {
        text: 'Old windows could still receive late data, and Spark never ignores late data.',
        why: 'In append and update modes Spark does drop windows once the watermark passes them, and ignores rows that arrive for them afterwards.',
      },
    ],
    answer: 0,
    explanation:
      'Complete mode requires all aggregate data to be preserved, so it keeps growing state; use append or update mode if the watermark should bound the state.',
    hint: 'What does complete mode write in each trigger?',
  },
  {
    id: 'windows-flink-lifecycle',
    topic: 'windows',
    kind: 'order',
    prompt: 'Flink, an event-time tumbling window with allowed lateness: put its life in order.',
    items: [
      'The first element for the window arrives and the window is created',
      "Further elements are added to the window's state",
      'The watermark passes the end of the window and the window fires',
      "The watermark passes the end of the window plus the allowed lateness and the window's state is removed",
    ],
    explanation:
      'Flink creates a window lazily when its first element arrives, fires it when the watermark reaches its end, and keeps its state for late firings until the watermark passes the end plus the allowed lateness.',
    hint: 'The allowed lateness is counted after the end of the window.',
  },
];
