import type { StreamingSpec, StreamOpSpec, ValueType } from '../engine';
import { type CodeNote, type Lang, literal, noteComment, sparkInterval } from './codeText';
import { type Frame, type OpCode, recordFrame } from './structuredOps';

/**
 * updateStateByKey and mapWithState as arbitrary stateful processing: flatMapGroupsWithState in
 * Scala, applyInPandasWithState in PySpark (Spark ≥ 3.4). Both call a function per key with the
 * key's new rows and a GroupState; a processing-time timeout stands in for StateSpec.timeout.
 */

type Counting = 'count' | 'sum';

const countingOf = (fn: string | undefined): Counting => (fn === 'runningCount' ? 'count' : 'sum');

const sqlType = (t: ValueType): string =>
  t.kind === 'long' ? 'BIGINT' : t.kind === 'double' ? 'DOUBLE' : 'STRING';
const scalaKeyType = (t: ValueType): string =>
  t.kind === 'long' ? 'Long' : t.kind === 'double' ? 'Double' : 'String';

interface StatePlan {
  readonly fnName: string;
  readonly counting: Counting;
  /** Processing-time timeout, or null for none. */
  readonly timeoutMs: number | null;
  /** What a timed-out key does: emit its last state (mapWithState) or just go (sumWhileActive). */
  readonly onTimeout: 'emit' | 'forget';
  /** mapWithState: one output per input record; updateStateByKey: one per key. */
  readonly perRecord: boolean;
  readonly initial: readonly (readonly [string, number])[];
}

function planOf(op: StreamOpSpec, spec: StreamingSpec, L: Lang): StatePlan {
  const mapping = op.op === 'mapWithState';
  const forget = !mapping && op.fn === 'sumWhileActive';
  return {
    fnName: L.name === 'python' ? `${op.id}_${mapping ? 'mapping' : 'update'}` : `${op.id}Function`,
    counting: countingOf(op.fn),
    timeoutMs: mapping ? (op.timeoutMs ?? null) : forget ? spec.batchIntervalMs : null,
    onTimeout: mapping ? 'emit' : 'forget',
    perRecord: mapping,
    // Catalogue functions (the only ones translated here) keep numeric states.
    initial: mapping ? ((op.initialState ?? []) as readonly (readonly [string, number])[]) : [],
  };
}

function notesOf(op: StreamOpSpec, spec: StreamingSpec, L: Lang): CodeNote[] {
  const notes: CodeNote[] = [];
  const note = (kind: CodeNote['kind'], text: string) => notes.push({ about: op.id, kind, text });
  if (op.op === 'updateStateByKey') {
    note(
      'differs',
      'updateStateByKey calls its function for every key in every batch and outputs every key; the state function here is called only for keys with new rows (or timing out), so each micro-batch outputs only the keys that changed.',
    );
    if (op.fn === 'sumWhileActive')
      note(
        'differs',
        `"forget a key with no new values" becomes a processing-time timeout of one batch interval (${sparkInterval(spec.batchIntervalMs)}): the key goes at the first trigger after it had no rows for that long.`,
      );
  } else if (op.timeoutMs !== undefined) {
    note(
      'differs',
      'mapWithState finds idle keys only in batches that checkpoint its state (every 10 batch intervals by default); a processing-time timeout is checked at every trigger, so a key can time out sooner than in the simulation.',
    );
  }
  if (op.op === 'mapWithState' && op.initialState?.length && L.name === 'python')
    note(
      'differs',
      'applyInPandasWithState takes no initial state: a key’s starting value is looked up the first time it has rows, so an initial key that never gets rows never times out (the Scala version passes initialState).',
    );
  return notes;
}

function scalaFunction(p: StatePlan, keyType: string): string[] {
  const s = p.counting === 'count' ? 'Long' : 'Double';
  const zero = p.counting === 'count' ? '0L' : '0.0';
  const lines = [
    `def ${p.fnName}(key: ${keyType}, values: Iterator[(${keyType}, Double)], state: GroupState[${s}]): Iterator[(${keyType}, ${s})] = {`,
  ];
  const body: string[] = [];
  if (p.timeoutMs !== null) {
    body.push('if (state.hasTimedOut) {');
    if (p.onTimeout === 'emit')
      body.push('  val last = state.get', '  state.remove()', '  Iterator((key, last))');
    else body.push('  state.remove()', '  Iterator.empty');
    body.push('} else {');
  }
  const inner: string[] = [];
  if (p.perRecord) {
    inner.push(`var acc = state.getOption.getOrElse(${zero})`);
    inner.push(
      p.counting === 'count'
        ? 'val out = values.map { _ => acc += 1; (key, acc) }.toList'
        : 'val out = values.map { case (_, v) => acc += v; (key, acc) }.toList',
    );
    inner.push('state.update(acc)');
  } else {
    const add = p.counting === 'count' ? 'values.size' : 'values.map(_._2).sum';
    inner.push(`val acc = state.getOption.getOrElse(${zero}) + ${add}`, 'state.update(acc)');
  }
  if (p.timeoutMs !== null) inner.push(`state.setTimeoutDuration(${literal(sparkInterval(p.timeoutMs))})`);
  inner.push(p.perRecord ? 'out.iterator' : 'Iterator((key, acc))');
  const indent = p.timeoutMs !== null ? '    ' : '  ';
  for (const l of body) lines.push(`  ${l}`);
  for (const l of inner) lines.push(`${indent}${l}`);
  if (p.timeoutMs !== null) lines.push('  }');
  lines.push('}');
  return lines;
}

function pythonFunction(p: StatePlan, initialName: string | null): string[] {
  const zero = p.counting === 'count' ? '0' : '0.0';
  const start = initialName ? `${initialName}.get(key[0], ${zero})` : zero;
  const lines = [`def ${p.fnName}(key, pdfs, state):`];
  if (p.timeoutMs !== null) {
    lines.push('    if state.hasTimedOut:');
    if (p.onTimeout === 'emit') {
      lines.push('        (last,) = state.get', '        state.remove()');
      lines.push('        yield pd.DataFrame({"key": [key[0]], "value": [last]})');
    } else lines.push('        state.remove()');
    lines.push('        return');
  }
  lines.push(`    acc = state.get[0] if state.exists else ${start}`);
  if (p.perRecord) {
    const count = p.counting === 'count';
    lines.push('    out = []', '    for pdf in pdfs:', `        for ${count ? '_' : 'v'} in pdf["value"]:`);
    lines.push(`            acc += ${count ? '1' : 'float(v)'}`, '            out.append(acc)');
  } else if (p.counting === 'count') lines.push('    acc += sum(len(pdf) for pdf in pdfs)');
  else lines.push('    acc += sum(float(pdf["value"].sum()) for pdf in pdfs)');
  lines.push('    state.update((acc,))');
  if (p.timeoutMs !== null) lines.push(`    state.setTimeoutDuration(${p.timeoutMs})`);
  lines.push(
    p.perRecord
      ? '    yield pd.DataFrame({"key": [key[0]] * len(out), "value": out})'
      : '    yield pd.DataFrame({"key": [key[0]], "value": [acc]})',
  );
  return lines;
}

/** updateStateByKey / mapWithState over a DataFrame of (key, value) rows. */
export function translateState(
  op: StreamOpSpec,
  frames: ReadonlyMap<string, Frame>,
  spec: StreamingSpec,
  L: Lang,
  type: ValueType,
): OpCode {
  const input = frames.get(op.input ?? '') ?? recordFrame;
  const keyType = input.type.kind === 'pair' ? input.type.key : ({ kind: 'string' } as ValueType);
  const p = planOf(op, spec, L);
  const notes = notesOf(op, spec, L);
  if (input.stateful > 0)
    notes.push({
      about: op.id,
      kind: 'none',
      text: 'Spark allows one stateful operator per query in update output mode, so it rejects a state function after an aggregation.',
    });
  const timeout = p.timeoutMs !== null ? 'ProcessingTimeTimeout' : 'NoTimeout';
  const lines = notes.flatMap((n) => noteComment(L.comment, n));
  if (L.name === 'python') {
    const initialName = p.initial.length ? `${op.id.toUpperCase()}_INITIAL` : null;
    if (initialName)
      lines.push(`${initialName} = {${p.initial.map(([k, v]) => `${literal(k)}: ${v}`).join(', ')}}`);
    lines.push(...pythonFunction(p, initialName), '');
    const sql = p.counting === 'count' ? 'BIGINT' : 'DOUBLE';
    lines.push(`${op.id} = ${op.input}.groupBy("key").applyInPandasWithState(`);
    lines.push(
      `    ${p.fnName}, "key ${sqlType(keyType)}, value ${sql}", "value ${sql}", "Update", GroupStateTimeout.${timeout})`,
    );
  } else {
    const k = scalaKeyType(keyType);
    lines.push(...scalaFunction(p, k));
    const args = ['OutputMode.Update()', `GroupStateTimeout.${timeout}()`];
    if (p.initial.length) {
      const v = (n: number) =>
        p.counting === 'count' ? `${Math.round(n)}L` : `${n}`.includes('.') ? `${n}` : `${n}.0`;
      lines.push(
        `val ${op.id}Initial = Seq(${p.initial.map(([key, n]) => `(${literal(key)}, ${v(n)})`).join(', ')}).toDS().groupByKey(_._1).mapValues(_._2)`,
      );
      args.push(`${op.id}Initial`);
    }
    lines.push(
      `val ${op.id} = ${op.input}.select(col("key"), col("value").cast("double")).as[(${k}, Double)]`,
    );
    lines.push('  .groupByKey(_._1)');
    lines.push(`  .flatMapGroupsWithState(${args.join(', ')})(${p.fnName} _)`);
    lines.push('  .toDF("key", "value")');
  }
  return {
    lines,
    frame: { type, windowed: false, hasTimestamp: false, stateful: input.stateful + 1 },
    notes,
  };
}
