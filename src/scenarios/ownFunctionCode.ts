/**
 * The learner's own functions in the exported Spark program: compiled as the engine compiled
 * them, and the initial state RDDs as Scala and Python literals.
 */
import {
  type DStreamNode,
  defineStreaming,
  type StreamingSpec,
  type StreamOpSpec,
  type StructuredSpec,
  scalaType,
  userLanguage,
  type Value,
  type ValueType,
} from '../engine';
import type { Lang } from './codeText';

/** The learner's functions as the engine compiled them, by operation id (none before the language loads). */
export function ownFunctions(spec: StreamingSpec): ReadonlyMap<string, DStreamNode> {
  if (!spec.pipeline.some((o) => o.code !== undefined) || !userLanguage()) return new Map();
  const { context } = defineStreaming(spec.batchIntervalMs, spec.checkpointDir, spec.pipeline);
  return new Map(context.nodes.filter((n) => n.own).map((n) => [n.spec.id, n]));
}

/** The type of item `i` of a pair, tuple or sequence (null when unknown). */
function itemType(t: ValueType | null, i: number): ValueType | null {
  if (t?.kind === 'pair') return i === 0 ? t.key : t.value;
  if (t?.kind === 'tuple') return t.items[i] ?? null;
  return t?.kind === 'list' ? t.of : null;
}

/** A value as a Scala literal of its type: 10L, 2.5, "a", (1L, 0L). */
function scalaLiteral(v: Value, t: ValueType | null): string {
  if (t?.kind === 'long') return `${v}L`;
  if (t?.kind === 'double') return Number.isInteger(v) ? `${v}.0` : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) {
    const inner = v.map((x, i) => scalaLiteral(x, itemType(t, i))).join(', ');
    return t?.kind === 'list' ? `Seq(${inner})` : `(${inner})`;
  }
  return String(v);
}

/** A value as a Python literal: tuples and lists as Python writes them, True/False. */
function pythonLiteral(v: Value, t: ValueType | null): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) {
    const inner = v.map((x, i) => pythonLiteral(x, itemType(t, i))).join(', ');
    return t?.kind === 'list' ? `[${inner}]` : `(${inner})`;
  }
  return t?.kind === 'double' && Number.isInteger(v) ? `${v}.0` : String(v);
}

/** The initial state as Scala and Python build the RDD: parallelize((key, state) pairs). */
export function initialPairs(
  node: DStreamNode | undefined,
  op: StreamOpSpec,
  lang: 'scala' | 'python',
): string {
  const st = node?.stateType ?? null;
  const pairs = node?.initialState ?? op.initialState ?? [];
  return pairs
    .map(([k, v]) =>
      lang === 'scala'
        ? `(${JSON.stringify(k)}, ${scalaLiteral(v as Value, st)})`
        : `(${JSON.stringify(k)}, ${pythonLiteral(v as Value, st)})`,
    )
    .join(', ');
}

/**
 * The learner's flatMapGroupsWithState function: in Scala as they wrote it, called with the rows'
 * values; PySpark's applyInPandasWithState works on pandas DataFrames, so it is not translated.
 */
export function ownGroupFunction(
  code: string,
  stateType: string | undefined,
  source: string,
  q: StructuredSpec,
  timeout: string,
  L: Lang,
): string[] {
  const language = userLanguage();
  const mode = q.outputMode === 'update' ? 'Update' : 'Append';
  if (L.name === 'python')
    return [
      '# Your flatMapGroupsWithState function is written for Scala (GroupState and Seq results);',
      '# PySpark’s applyInPandasWithState takes a function over pandas DataFrames: write it there by hand.',
      `# ${code.replace(/\s*\n\s*/g, ' ')}`,
      L.assign('result', source),
    ];
  let fn = `/* your function, still loading: */ ${code}`;
  // A function that does not compile fails the query at start (the query panel says why).
  const compiled = (() => {
    try {
      return language?.compileGroups(code, stateType) ?? null;
    } catch {
      fn = `/* your function, not compiled: see the query's error */ ${code}`;
      return null;
    }
  })();
  let state = stateType ?? 'Double';
  let result = 'Any';
  if (language && compiled) {
    const g = compiled;
    fn = language.toScala(g.userFn, { typed: true });
    state = scalaType(g.stateType);
    result = scalaType(g.resultType);
  }
  return [
    'case class Event(key: String, value: Double, eventTime: Long)',
    '',
    `val perKey: (String, Seq[Double], GroupState[${state}]) => Seq[${result}] =`,
    `  ${fn}`,
    '',
    `val result = ${source}.select("key", "value", "eventTime").as[Event]`,
    '  .groupByKey(_.key)',
    `  .flatMapGroupsWithState(OutputMode.${mode}(), GroupStateTimeout.${timeout})(`,
    `    (key: String, rows: Iterator[Event], state: GroupState[${state}]) => perKey(key, rows.map(_.value).toSeq, state).iterator)`,
  ];
}
