import type { StaticQuestion } from '../types';

export const watermarksQuestions: readonly StaticQuestion[] = [
  {
    id: 'watermarks-meaning',
    topic: 'watermarks',
    kind: 'choice',
    prompt: 'A stream processor announces a watermark W (an event time). What does it assert?',
    options: [
      {
        text: 'Every tuple that arrived before processing time W has been processed.',
        why: 'A watermark is a statement about event time, not about the processor clock.',
      },
      {
        text: 'No more tuples with an event time earlier than W are expected.',
        why: 'Right: the processor believes input up to W is complete, so windows ending by W can be finalised.',
      },
      {
        text: 'W is the event time of the newest tuple seen so far.',
        why: 'That is the maximum event time. A watermark usually trails it, to leave room for tuples that are still on their way.',
      },
      {
        text: 'Tuples with an event time earlier than W cannot arrive any more.',
        why: 'Only a perfect watermark can promise that. Most watermarks are heuristic, so such tuples can still arrive: they are late data.',
      },
    ],
    answer: 1,
    explanation:
      'A watermark is the system\'s notion of event-time completeness: "I do not expect anything older than W". It lets windows be closed, at the risk that data arrives behind it (late data).',
    hint: 'A watermark is about event time, and it is a belief rather than a promise.',
    frame: { scenario: 'watermarks', timeMs: 20_000 },
  },
  {
    id: 'watermarks-heuristic-vs-perfect',
    topic: 'watermarks',
    kind: 'choice',
    prompt: 'Which statement is true of a heuristic watermark, as opposed to a perfect one?',
    options: [
      {
        text: 'It never lets a tuple be late, but it advances more slowly.',
        why: 'That describes a perfect watermark, which needs complete knowledge of the input and so is rarely possible.',
      },
      {
        text: 'It is based on processing time instead of event time.',
        why: 'Both kinds are event times; a heuristic one is merely estimated, for example from the largest event time seen.',
      },
      {
        text: 'It is an estimate from what has been seen so far, so tuples can still arrive behind it as late data.',
        why: 'Right: a heuristic watermark guesses how far behind stragglers can be, and that guess can be wrong.',
      },
      {
        text: 'It moves forward only after every source has been silent for a while.',
        why: 'Silence is not how heuristic watermarks advance; they follow the event times they observe (minus a bound, for example).',
      },
    ],
    answer: 2,
    explanation:
      'A perfect watermark needs exact knowledge of what is still to come, which real sources seldom give. A heuristic watermark estimates it; too fast and data is late, too slow and results are delayed.',
    hint: 'Which of the two can be wrong?',
  },
  {
    id: 'watermarks-spark-delay',
    topic: 'watermarks',
    kind: 'numeric',
    prompt:
      'Spark Structured Streaming, `withWatermark("eventTime", "10 seconds")`. The largest event time seen so far is 95 s after the stream started. What is the watermark, in seconds after the start?',
    answer: 85,
    unit: 's',
    explanation:
      'Spark computes the watermark as the maximum event time seen minus the delay threshold: 95 s − 10 s = 85 s. It is recomputed at the end of each micro-batch and used by the next one.',
    hint: 'Spark subtracts the delay from one particular event time.',
  },
  {
    id: 'watermarks-flink-bounded',
    topic: 'watermarks',
    kind: 'numeric',
    prompt:
      'Flink, `WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofSeconds(2))`. The largest timestamp seen so far is 17 000 ms. What watermark does the generator emit next, in ms?',
    answer: 14_999,
    unit: 'ms',
    explanation:
      "Flink's BoundedOutOfOrdernessWatermarks emits max timestamp − bound − 1: 17 000 − 2000 − 1 = 14 999 ms. The extra millisecond is there because a watermark W means no more elements with timestamp W or earlier are expected.",
    hint: 'Subtract the bound, and remember the watermark claims completeness up to and including its own value.',
  },
  {
    id: 'watermarks-flink-fire-threshold',
    topic: 'watermarks',
    kind: 'numeric',
    prompt:
      'Flink, bounded-out-of-orderness watermarks with a 2 s bound, a tumbling event-time window [10 000 ms, 15 000 ms), the default event-time trigger, allowed lateness 0. What is the smallest maximum timestamp that must have been seen for the window to fire, in ms? (Ignore the periodic emit interval.)',
    answer: 17_000,
    unit: 'ms',
    explanation:
      "The window's last timestamp is 14 999 ms and it fires when the watermark reaches it. The watermark is max − 2000 − 1, so max − 2001 ≥ 14 999 gives max ≥ 17 000 ms.",
    hint: 'Find the last timestamp that belongs to the window, then invert the watermark formula.',
  },
  {
    id: 'watermarks-spark-late-row-window',
    topic: 'watermarks',
    kind: 'choice',
    prompt:
      'Spark Structured Streaming: 10-minute tumbling windows, `withWatermark("eventTime", "10 minutes")`, append mode. The watermark is at 12:08 when a row with event time 12:04 arrives. What happens to it?',
    options: [
      {
        text: 'It is dropped, because its event time is behind the watermark.',
        why: 'Spark finalises and drops state per window: a window is closed only when the watermark passes its end, and [12:00, 12:10) has not been closed yet.',
      },
      {
        text: 'It goes to a separate late-data output.',
        why: 'Spark Structured Streaming has no late-data side output; that is a Flink feature (`sideOutputLateData`).',
      },
      {
        text: 'It changes a result that was already written, and Spark writes a correction.',
        why: 'In append mode a window is written once, when it is final. Nothing has been written for [12:00, 12:10) yet.',
      },
      {
        text: 'It is counted in window [12:00, 12:10), which stays open until the watermark reaches 12:10.',
        why: "Right: Spark keeps a window's state until the watermark passes the window's end, and rows for it are still aggregated.",
      },
    ],
    answer: 3,
    explanation:
      'Spark guarantees that rows less late than the delay are aggregated, but rows behind the watermark are not guaranteed to be dropped: what matters is whether their window is still kept. Only once the watermark reaches 12:10 is the window emitted and its state removed.',
    hint: "Compare the watermark with the end of the row's window, not with the row's own event time.",
  },
  {
    id: 'watermarks-flink-late-default',
    topic: 'watermarks',
    kind: 'choice',
    prompt:
      'Flink, tumbling event-time windows, allowed lateness 0 (the default) and no side output for late data. An element arrives for a window whose end the watermark has already passed. What happens to it?',
    options: [
      {
        text: 'It is dropped.',
        why: "Right: with no allowed lateness the window's state is gone once the watermark passes its end, and Flink discards late elements.",
      },
      {
        text: 'The window fires again with a corrected result.',
        why: 'That is what a late firing with allowed lateness greater than 0 does; here the lateness is 0.',
      },
      {
        text: 'It is added to the next window instead.',
        why: "An element's windows depend only on its timestamp; Flink never moves it to a later window.",
      },
      {
        text: 'The job fails with a late-data error.',
        why: 'Late data is expected with heuristic watermarks; Flink handles it without failing.',
      },
    ],
    answer: 0,
    explanation:
      'By default Flink drops late elements. To keep them, set `allowedLateness` (late firings update the result) or `sideOutputLateData` (late elements go to a separate stream).',
    hint: 'Nothing has been configured to keep the window or catch late elements.',
  },
  {
    id: 'watermarks-longer-delay',
    topic: 'watermarks',
    kind: 'choice',
    prompt:
      'In this scenario the watermark trails the newest event time by 2 s and windows are emitted once it passes their end. If the delay is raised to 6 s, what changes?',
    options: [
      {
        text: 'Windows are emitted sooner and more phone tuples are dropped as late.',
        why: 'A larger delay holds the watermark further back, so windows close later, not sooner.',
      },
      {
        text: 'Only memory use grows; the results and their timing stay the same.',
        why: 'Memory does grow, but the output changes too: windows appear later and include more of the delayed tuples.',
      },
      {
        text: "The wired sensor's tuples start being dropped.",
        why: 'The wired sensor is almost never late; a more patient watermark drops fewer tuples, not more.',
      },
      {
        text: 'Each window is emitted about 4 s later, and fewer of the phone tuples arrive too late to be counted.',
        why: 'Right: waiting longer trades latency for completeness.',
      },
    ],
    answer: 3,
    explanation:
      'The watermark delay is a trade-off: a longer one waits for more stragglers (more complete results, more state) but emits every window later.',
    hint: 'Where does the watermark sit relative to the newest event time when the delay grows?',
    // Seed 10: phone tuples already arrive too late by 20 s (the preset's own seed drops its first at 35 s).
    frame: { scenario: 'watermarks', seed: 10, timeMs: 20_000 },
  },
  {
    id: 'watermarks-flink-allowed-lateness',
    topic: 'watermarks',
    kind: 'short',
    prompt:
      "In Flink's window API, which setting keeps a window's state for a while after the watermark has passed its end, so that late elements still update the result?",
    accept: ['allowedLateness', 'allowed lateness'],
    explanation:
      "With `.allowedLateness(d)`, a window's state is kept until the watermark passes its end plus d; each late element within that time causes a late firing with an updated result.",
    hint: 'It is set on the windowed stream, next to the trigger and the evictor.',
  },
  {
    id: 'watermarks-spark-batch-steps',
    topic: 'watermarks',
    kind: 'order',
    prompt:
      'Spark Structured Streaming with a watermark and append mode: put what happens around one micro-batch in order.',
    // One pass, not two steps: EventTimeWatermarkExec adds each row's event time to its
    // EventTimeStatsAccum as the rows flow into the aggregation; WatermarkTracker.updateWatermark
    // then runs after the batch (MicroBatchExecution), and the next batch uses the result.
    items: [
      'The batch starts, using the watermark computed after the previous batch',
      'It reads the new rows, updates the counts of their windows and keeps track of the largest event time among them',
      'At the end of the batch, the watermark becomes that maximum minus the delay',
      'In the next micro-batch, windows that end at or before the new watermark are emitted and their state is dropped',
    ],
    explanation:
      'Spark updates the watermark between micro-batches: the maximum event time of one batch moves the watermark used by the next, which is when finished windows are written in append mode.',
    hint: 'The new watermark is not used by the batch that produced it.',
    frame: { scenario: 'watermarks', timeMs: 20_000 },
  },
];
