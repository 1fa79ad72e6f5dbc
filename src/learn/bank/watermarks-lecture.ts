/**
 * Watermarks in the lecture's own phrasing ("after watermark W, expect no more tuples with event
 * time < W"), reconciled with the engines' predicates, and idle inputs that hold a watermark back
 * (issue 18). Sources are cited beside each rule.
 */
import type { StaticQuestion } from '../types';

export const watermarkLectureQuestions: readonly StaticQuestion[] = [
  {
    id: 'watermarks-lecture-which-late',
    topic: 'watermarks',
    kind: 'choice',
    prompt:
      'The watermark is 11. Tuples then arrive with event times 9, 12, 10, 14 and 11, in that order. By the lecture’s definition (after watermark W the system expects no more tuples with event time < W), which of them are late?',
    options: [
      {
        text: '9, 10 and 11',
        why: 'The rule says “less than W”: a tuple with event time 11 is exactly at the watermark, which the rule still allows.',
      },
      {
        text: '9 and 10',
        why: 'Right: both have event times below 11, which the watermark said would not come any more.',
      },
      {
        text: 'Only 9, the first one to arrive',
        why: 'Lateness is decided per tuple against the watermark, not by arrival order: 10 is below 11 as well.',
      },
      {
        text: 'None: they arrived in one burst, after the watermark was set',
        why: 'A tuple is late exactly because it arrives after a watermark that has passed its event time.',
      },
    ],
    answer: 1,
    explanation:
      'A watermark is a promise about the future: no more tuples older than W. Tuples that break the promise are late. What a system then does with them (drop, or still count them) depends on its windows: Spark and Flink decide per window, as the next questions show.',
    hint: 'Compare each event time with 11, minding “less than”.',
  },
  {
    id: 'watermarks-lecture-spark-dropped',
    topic: 'watermarks',
    kind: 'numeric',
    prompt:
      'Spark Structured Streaming counts tuples in 5 s tumbling windows ([0, 5), [5, 10), [10, 15) …) in append mode. The watermark is 11 s. Tuples then arrive with event times 4 s, 9 s, 10 s and 12 s. How many of them does Spark drop?',
    answer: 2,
    unit: 'tuples',
    // WatermarkSupport.watermarkExpression: for a window column the late-row predicate is
    // window.end <= watermark; for a plain timestamp column it is eventTime <= watermark.
    explanation:
      'Spark drops a row when its window has ended at or before the watermark: 4 s is in [0, 5) and 9 s in [5, 10), both ended by 11 s, so they are dropped. 10 s is below the watermark too, but its window [10, 15) is still open, so Spark counts it; 12 s is on time. By the lecture’s rule three of them (4, 9, 10) are late; Spark only drops those whose window has closed.',
    hint: 'For each tuple, find its window and ask whether that window ended at or before 11 s.',
  },
  {
    id: 'watermarks-lecture-flink-minus-one',
    topic: 'watermarks',
    kind: 'choice',
    prompt:
      'The lecture says that after watermark W no more tuples with timestamp < W are expected. Flink’s `Watermark(t)` promises no more elements with timestamp ≤ t. With a 2 s bound and a largest timestamp of 17 000 ms, Flink’s bounded-out-of-orderness generator emits 14 999, not 15 000. Why?',
    options: [
      {
        text: 'To leave 1 ms for the network between the source and the window operator.',
        why: 'The watermark is a timestamp in event time; it says nothing about network time.',
      },
      {
        text: 'Flink rounds every watermark down to an odd number of milliseconds.',
        why: 'There is no rounding: the generator subtracts exactly the bound and 1 ms.',
      },
      {
        text: 'Because the window [10 000, 15 000) must fire before 15 000 arrives.',
        why: 'A window fires when the watermark reaches its last timestamp, 14 999: that is the consequence of the −1, not its reason.',
      },
      {
        text: 'So that an element exactly 2 s behind the largest one, at 15 000, is still not late: 15 000 ≤ 15 000 would make it late.',
        why: 'Right: Flink’s promise uses ≤, so the generator subtracts 1 ms to keep elements exactly the bound behind on time, as the lecture’s “< W” would.',
      },
    ],
    answer: 3,
    // Flink Watermark.java: "no more elements with timestamp t' <= t"; BoundedOutOfOrdernessWatermarks
    // .onPeriodicEmit emits maxTimestamp - outOfOrdernessMillis - 1; TimeWindow.maxTimestamp() = end - 1.
    explanation:
      'The lecture’s watermark W and Flink’s Watermark(t) differ by one tick: Flink promises “nothing at or before t”, so its generator emits max − bound − 1. A window [start, end) fires once the watermark reaches end − 1, its last timestamp, which in the lecture’s terms is a watermark of end.',
    hint: 'Compare “< W” with “≤ t” for an element that is exactly the bound behind the largest one.',
  },
  {
    id: 'watermarks-spark-raw-column',
    topic: 'watermarks',
    kind: 'choice',
    prompt:
      'Spark Structured Streaming, `withWatermark("eventTime", "5 seconds")` and `dropDuplicates("id", "eventTime")`: the state is keyed by the raw `eventTime` column, not by a window. The watermark is 11 s when a row with event time exactly 11 s arrives. What happens to it?',
    options: [
      {
        text: 'It is treated as late and dropped: for a plain timestamp column Spark drops rows whose event time is at or before the watermark.',
        why: 'Right: the late-row predicate is eventTime ≤ watermark, so a row exactly at the watermark is dropped, one tick stricter than the lecture’s “< W”.',
      },
      {
        text: 'It is kept, because only event times below the watermark are late.',
        why: 'That is the lecture’s rule; Spark’s predicate for a timestamp column is “at or before”.',
      },
      {
        text: 'It is kept until its window ends, as in a windowed count.',
        why: 'There is no window here: the state key is the event time itself, so the predicate compares the event time directly.',
      },
    ],
    answer: 0,
    // WatermarkSupport.watermarkExpression: LessThanOrEqual(eventTime, watermark) for a timestamp
    // column; for a window struct, window.end <= watermark.
    explanation:
      'Spark compares the watermark with what the state is keyed by: with a window, the window’s end (a row is dropped when window.end ≤ W); with a raw timestamp column, the event time itself (dropped when eventTime ≤ W).',
    hint: 'Is the comparison “before” or “at or before”?',
  },
  {
    id: 'watermarks-idle-partition-flink',
    topic: 'watermarks',
    kind: 'choice',
    prompt:
      'A Flink job reads a Kafka topic with three partitions and generates watermarks per partition. Partition 2 receives nothing for ten minutes while the other two stay busy. The job’s event-time windows stop firing. Why, and what fixes it?',
    options: [
      {
        text: 'The busy partitions send too much data; lowering the bound fixes it.',
        why: 'The bound only shifts the watermark; the one that does not move is the idle partition’s.',
      },
      {
        text: 'An operator’s watermark is the minimum over its inputs, and the idle partition’s does not advance; `WatermarkStrategy.withIdleness(…)` marks it idle so the others can move the watermark.',
        why: 'Right: an idle input holds the minimum back; declared idle, it is left out until data comes again.',
      },
      {
        text: 'Flink waits for every partition to deliver one element per window; sending a dummy record to partition 2 is the only fix.',
        why: 'Flink does not count elements per window; withIdleness exists so that no dummy data is needed.',
      },
      {
        text: 'The watermark is the maximum over the partitions, so it has run ahead and every element is now late.',
        why: 'It is the minimum, not the maximum, which is why it stalls rather than runs ahead.',
      },
    ],
    answer: 1,
    // Flink docs, "Generating Watermarks" → "Dealing With Idle Sources": withIdleness; "Timely Stream
    // Processing": an operator's event time is the minimum of its input streams' event times.
    explanation:
      'A watermark only advances as fast as its slowest input. An input that sends nothing keeps its old watermark, so windows downstream never fire. Flink’s withIdleness marks an input idle after a timeout; Spark, with several inputs, likewise takes the minimum of their watermarks by default.',
    hint: 'How does an operator combine the watermarks of several inputs?',
  },
  {
    id: 'watermarks-idle-stream-spark',
    topic: 'watermarks',
    kind: 'choice',
    prompt:
      'A Spark Structured Streaming query unions two streams, each with its own `withWatermark`. Stream B stops sending; stream A keeps going. What does the query’s watermark do under the default policy?',
    options: [
      {
        text: 'It follows stream A, since B has no new data to judge.',
        why: 'That is `spark.sql.streaming.multipleWatermarkPolicy=max`, which is not the default.',
      },
      {
        text: 'It stays where B’s watermark stopped: the global watermark is the minimum of the two.',
        why: 'Right: Spark keeps each input’s last watermark and takes the minimum, so the silent stream holds it back.',
      },
      {
        text: 'It resets to 0 until B sends again.',
        why: 'A watermark never goes back; B’s keeps its last value.',
      },
    ],
    answer: 1,
    // WatermarkTracker.updateWatermark keeps each EventTimeWatermarkExec's last watermark (0 if it saw
    // none) and applies MultipleWatermarkPolicy; the default is "min" (spark.sql.streaming.multipleWatermarkPolicy).
    explanation:
      'With several inputs, Spark computes a watermark per input and uses the minimum, the safe choice: it never passes where any one input would be on its own. A quiet input therefore stalls windows until it sends again, unless the policy is set to max (which risks dropping that input’s data as late).',
    hint: 'With two watermarks, which one is safe to use?',
  },
];
