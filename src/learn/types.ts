/**
 * The learning layer's content types: topics, review questions (hand-written and engine-computed
 * predict-then-run templates) and guided lessons. Content is plain data; the only logic is the
 * predict templates' `generate` (which runs the engine) and the lessons' task checks.
 * Text is plain text (never HTML): it is rendered as React text nodes. `code` spans may be written
 * with backticks; the UI shows them in a monospace font.
 */
import type { EventTimeSpec, Simulation, StreamingSpec, StructuredSpec } from '../engine';

export const TOPICS = [
  { id: 'dbms-vs-streams', title: 'DBMS vs stream processing' },
  { id: 'tuples', title: 'Streams of tuples and the three kinds of data' },
  { id: 'event-time', title: 'Event time vs processing time' },
  { id: 'watermarks', title: 'Watermarks' },
  { id: 'windows', title: 'Windows' },
  { id: 'messaging', title: 'Direct messaging vs message brokers' },
  { id: 'kafka-log', title: "Kafka's partitioned log" },
  { id: 'replication', title: 'Replication and broker failure' },
  { id: 'consumer-groups', title: 'Consumer groups and offsets' },
  { id: 'dstreams', title: 'DStreams and micro-batching' },
  { id: 'stateful', title: 'Stateful streams: updateStateByKey vs mapWithState' },
  { id: 'checkpointing', title: 'Checkpointing, recovery and delivery guarantees' },
  { id: 'structured-streaming', title: 'Structured Streaming end to end' },
] as const;

export type Topic = (typeof TOPICS)[number]['id'];

/**
 * A moment of the simulator: a built-in scenario (preset id), a seed, a time, and optionally the
 * learner-side edits a link can carry (faults in the link's `KIND:TARGET@MS` form, an edited
 * event-time query, an edited streaming application, a producer-rate multiplier, a selected tuple).
 */
export interface FrameRef {
  readonly scenario: string;
  readonly seed?: number;
  readonly timeMs?: number;
  readonly faults?: readonly string[];
  readonly eventTime?: EventTimeSpec;
  readonly streaming?: StreamingSpec;
  /** An edited Structured Streaming query (a crash added, a setting changed). */
  readonly query?: StructuredSpec;
  readonly rate?: number;
  readonly tuple?: number;
}

interface QuestionBase {
  /** Stable, unique, kebab-case (progress is saved under it). */
  readonly id: string;
  readonly topic: Topic;
  readonly prompt: string;
  /** Shown after answering (right or wrong): why the answer is what it is. */
  readonly explanation: string;
  /** Shown on request in practice mode, before answering. It must not give the answer away. */
  readonly hint: string;
  /** Optional: a frame of the simulator that shows the idea ("See it in the simulator"). */
  readonly frame?: FrameRef;
}

export interface ChoiceOption {
  readonly text: string;
  /** Why this option is right, or why it is wrong (shown when the learner picks it). */
  readonly why: string;
}

/** Multiple choice with exactly one right option. */
export interface ChoiceQuestion extends QuestionBase {
  readonly kind: 'choice';
  readonly options: readonly ChoiceOption[];
  /** Index into `options`. */
  readonly answer: number;
}

/** A number; right when within `tolerance` (default 0) of `answer`. */
export interface NumericQuestion extends QuestionBase {
  readonly kind: 'numeric';
  readonly answer: number;
  readonly tolerance?: number;
  /** Shown after the input, e.g. "ms", "tuples". */
  readonly unit?: string;
}

/** A word or short phrase; compared case-insensitively with whitespace, backticks and punctuation ignored. */
export interface ShortQuestion extends QuestionBase {
  readonly kind: 'short';
  /** Every accepted spelling; the first is the one shown as the answer. */
  readonly accept: readonly string[];
}

/** Put the items in order; `items` is the correct order (the UI shuffles them by seed). */
export interface OrderQuestion extends QuestionBase {
  readonly kind: 'order';
  readonly items: readonly string[];
}

export type StaticQuestion = ChoiceQuestion | NumericQuestion | ShortQuestion | OrderQuestion;

/** What a predict-then-run instance asks for: one option, or a number. */
export type PredictAnswer =
  | { readonly kind: 'choice'; readonly options: readonly ChoiceOption[]; readonly answer: number }
  | {
      readonly kind: 'numeric';
      readonly answer: number;
      readonly tolerance?: number;
      readonly unit?: string;
    };

/** One variant of a predict-then-run question, built from a seed; every number in it comes from the engine. */
export interface PredictInstance {
  readonly prompt: string;
  /** The frozen moment the question is asked at (the learner sees it before answering). */
  readonly frame: FrameRef;
  /** The moment to run to after answering, where the outcome can be seen. */
  readonly runToMs: number;
  readonly answer: PredictAnswer;
  /** Why, with the engine's numbers (e.g. "The watermark reached 15.0 s at 17.2 s, so …"). */
  readonly explanation: string;
}

/**
 * A parameterised predict-then-run question: `generate(seed)` picks a scenario variant and a moment
 * from the seed and asks the engine what happens next. The same seed always gives the same instance.
 */
export interface PredictTemplate {
  readonly id: string;
  readonly topic: Topic;
  readonly kind: 'predict';
  /** A short title for lists ("Which window fires next?"). */
  readonly title: string;
  readonly hint: string;
  generate(seed: number): PredictInstance;
}

export type Question = StaticQuestion | PredictTemplate;

/** The views a lesson step can point at (the workspace panels' ids). */
export type PanelId =
  /** The pipeline map, or a part of it: producers, the topic's partitions, the consumers, the application. */
  | 'map'
  | 'map:producers'
  | 'map:partitions'
  | 'map:consumers'
  | 'map:app'
  | 'producers'
  | 'queue'
  | 'messaging'
  | 'broker'
  | 'consumers'
  | 'compare'
  | 'etplot'
  | 'wresults'
  | 'dbms'
  | 'dstream'
  | 'checkpoints'
  | 'stateinspector'
  | 'recovery'
  | 'metrics'
  | 'pipeline'
  | 'transport'
  | 'inspector'
  /** The Structured Streaming query's views (ui/query/QueryPanels.tsx). */
  | 'qprogress'
  | 'qstate'
  | 'qcheckpoint'
  | 'qsink';

/** What a lesson task may look at: the learner's run and what they have selected or injected. */
export interface TaskContext {
  readonly sim: Simulation;
  readonly selectedTuple: number | null;
  readonly selectedEntity: { readonly kind: string } | null;
  /** Faults injected by the learner, in the link's `KIND:TARGET@MS` form. */
  readonly injectedFaults: readonly string[];
  /** Every producer's rate multiplier (1: the scenario's own). */
  readonly rateScale: number;
  /** The comparison model running alongside, if any. */
  readonly compareModel: 'direct' | 'queue' | 'log' | null;
  /** True when the learner has edited the streaming application / event-time query. */
  readonly streamingEdited: boolean;
  readonly eventTimeEdited: boolean;
}

/** "Try it": something to do in the simulator; `check` is true once it is done. */
export interface LessonTask {
  readonly text: string;
  readonly hint: string;
  check(ctx: TaskContext): boolean;
}

export interface LessonStep {
  readonly title: string;
  /** A few sentences, one paragraph per entry. */
  readonly body: readonly string[];
  /** Opened when the step is entered. */
  readonly frame: FrameRef;
  /** Views to draw attention to (the others are dimmed while the step is shown). */
  readonly highlight: readonly PanelId[];
  readonly task?: LessonTask;
}

export interface Lesson {
  /** Stable, kebab-case (progress and deep links use it). */
  readonly id: string;
  readonly topic: Topic;
  readonly title: string;
  /** One sentence for the lesson index. */
  readonly summary: string;
  readonly steps: readonly LessonStep[];
}
