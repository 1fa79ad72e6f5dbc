import type { ScenarioSpec, StreamOpSpec } from '../engine';
import { TOPIC } from './reservedNames';

/**
 * What the code generators share: how each language writes literals, durations and comments, and
 * the shape of the Kafka records the Kafka commands write and the exported queries read.
 */

export const BOOTSTRAP_SERVERS = 'localhost:9092';
/** The topic every exported program reads: the DStream code's. */
export const KAFKA_TOPIC = TOPIC;

/**
 * Each Kafka record's key is the tuple's key; its value is a JSON document with these fields (`text`
 * only when a pipeline reads the payload as a line). Spark reads it with from_json and this schema.
 */
export const EVENT_SCHEMA_DDL = 'value DOUBLE, eventTime LONG, producer STRING, text STRING';

/** Something the exported code cannot say the way the simulation does, shown above the code. */
export interface CodeNote {
  /** The operation (pipeline id) or setting it is about. */
  readonly about: string;
  /** `none`: the real system has no equivalent; `differs`: the equivalent behaves differently. */
  readonly kind: 'none' | 'differs';
  readonly text: string;
}

/**
 * A string as a literal that Python, Scala, Java and JSON all read back as the same string: JSON's
 * escapes (\n, \", \\, \uXXXX) are valid in each, so no input can end the literal early.
 */
export const literal = (s: string): string => JSON.stringify(s);

/**
 * Text from a scenario file inside a comment: line breaks and other control characters become �,
 * so the text cannot end the comment and become code. Backslashes are doubled because Java (and
 * Scala 2.12) turn \u000a into a line break before reading comments (JLS §3.3): with every
 * backslash doubled, none before a `u` can start such an escape.
 */
export function commentSafe(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces.
  return s.replace(/\\/g, '\\\\').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
}

/** A duration as Spark writes an interval string: "2 seconds", "500 milliseconds". */
export function sparkInterval(ms: number): string {
  if (ms % 1000 === 0) return `${ms / 1000} ${ms === 1000 ? 'second' : 'seconds'}`;
  return `${ms} ${ms === 1 ? 'millisecond' : 'milliseconds'}`;
}

/** A java.time.Duration: Duration.ofSeconds(5), Duration.ofMillis(200). */
export function javaDuration(ms: number): string {
  return ms % 1000 === 0 ? `Duration.ofSeconds(${ms / 1000})` : `Duration.ofMillis(${ms})`;
}

/** Breaks a note into comment lines of at most ~100 characters. */
export function commentLines(prefix: '#' | '//', text: string, width = 100): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of commentSafe(text).split(' ')) {
    if (line && line.length + word.length + 1 > width - prefix.length - 1) {
      out.push(`${prefix} ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(`${prefix} ${line}`);
  return out;
}

/** The comment a note becomes in the code, with the same words the UI shows. */
export function noteComment(prefix: '#' | '//', note: CodeNote): string[] {
  const head = note.kind === 'none' ? 'No Structured Streaming equivalent' : 'Differs from the simulation';
  return commentLines(prefix, `${head} (${note.about}): ${note.text}`);
}

/** Whether a scenario's pipeline reads each tuple's payload as a line of text (the `line` function). */
export function readsText(spec: ScenarioSpec): boolean {
  return spec.streaming?.pipeline.some((o) => o.op === 'map' && o.fn === 'line') ?? false;
}

/** A file-name slug: lower case letters, digits and dashes. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scenario'
  );
}

/** How each language writes the few expressions the Structured Streaming generator needs. */
export interface Lang {
  readonly name: 'python' | 'scala';
  readonly comment: '#' | '//';
  col(name: string): string;
  /** A function of `pyspark.sql.functions` / `org.apache.spark.sql.functions`. */
  fn(name: string, ...args: string[]): string;
  alias(expr: string, name: string): string;
  eq(a: string, b: string): string;
  /** The literal 1 as a long (count columns). */
  readonly one: string;
  assign(id: string, expr: string): string;
}

export const python: Lang = {
  name: 'python',
  comment: '#',
  col: (name) => `F.col(${literal(name)})`,
  fn: (name, ...args) => `F.${name}(${args.join(', ')})`,
  alias: (expr, name) => `${expr}.alias(${literal(name)})`,
  eq: (a, b) => `${a} == ${b}`,
  one: 'F.lit(1).cast("long")',
  assign: (id, expr) => `${id} = ${expr}`,
};

export const scala: Lang = {
  name: 'scala',
  comment: '//',
  col: (name) => `col(${literal(name)})`,
  fn: (name, ...args) => `${name}(${args.join(', ')})`,
  alias: (expr, name) => `${expr}.as(${literal(name)})`,
  eq: (a, b) => `${a} === ${b}`,
  one: 'lit(1L)',
  assign: (id, expr) => `val ${id} = ${expr}`,
};

/** An input stream's producers as a Scala Seq or a Python list (empty: all of them). */
export function producerList(op: StreamOpSpec, lang: 'scala' | 'python'): string {
  const list = (op.producers ?? []).map((p) => JSON.stringify(p));
  if (lang === 'scala') return list.length > 0 ? `Seq(${list.join(', ')})` : '';
  return list.length > 0 ? `[${list.join(', ')}]` : '';
}
