import type { StreamOpSpec, StructuredSpec, ValueType } from '../engine';

/**
 * The catalogue's functions written in the user-function language: what the editor fills in
 * when a learner switches from a catalogue function to their own, and what the property tests
 * check gives the same run. `stateType` goes with a state function whose state is not the
 * values' type.
 */
export interface OwnExample {
  readonly code: string;
  readonly stateType?: string;
}

export function ownExample(op: StreamOpSpec, input: ValueType | null): OwnExample | null {
  const pair = input?.kind === 'pair';
  const record = input?.kind === 'record';
  const arg = op.arg;
  switch (op.op) {
    case 'map':
      return (
        (
          {
            toPair: { code: 'r => (r.key, r.value)' },
            keyOne: { code: 'r => (r.key, 1)' },
            key: { code: 'r => r.key' },
            value: { code: 'r => r.value' },
            wordOne: { code: 'w => (w, 1)' },
            keyOnly: { code: '(k, v) => k' },
            valueOnly: { code: '(k, v) => v' },
          } as Record<string, OwnExample>
        )[op.fn ?? ''] ?? { code: record ? 'r => (r.key, r.value)' : pair ? '(k, v) => (k, v)' : 'x => x' }
      );
    case 'flatMap':
      return { code: 'line => line.split(" ")' };
    case 'filter':
      switch (op.fn) {
        case 'valueAbove':
          return {
            code: record
              ? `r => r.value > ${arg ?? 20}`
              : pair
                ? `(k, v) => v > ${arg ?? 20}`
                : `x => x > ${arg ?? 20}`,
          };
        case 'keyIs':
          return {
            code: record
              ? `r => r.key == ${JSON.stringify(String(arg ?? ''))}`
              : `(k, v) => k == ${JSON.stringify(String(arg ?? ''))}`,
          };
        case 'longWords':
          return { code: `w => w.length > ${arg ?? 3}` };
        default:
          return { code: record ? 'r => r.value > 20' : pair ? '(k, v) => v > 20' : 'x => x != ""' };
      }
    case 'reduceByKey':
    case 'reduceByKeyAndWindow':
      return {
        code: { sum: '(a, b) => a + b', max: '(a, b) => a > b ? a : b', min: '(a, b) => a < b ? a : b' }[
          op.reduce ?? 'sum'
        ],
      };
    case 'updateStateByKey':
      switch (op.fn) {
        case 'runningCount':
          return { code: '(values, state) => Some(state.getOrElse(0) + values.size)', stateType: 'Long' };
        case 'sumWhileActive':
          return {
            code: '(values, state) => values.isEmpty ? None : Some(state.getOrElse(0.0) + values.sum)',
          };
        default:
          return { code: '(values, state) => Some(state.getOrElse(0.0) + values.sum)' };
      }
    case 'mapWithState':
      return op.fn === 'runningCount'
        ? {
            code: '(key, value, state) => state.isTimingOut ? (key, state.get) : {\n  val n = state.getOption.getOrElse(0) + 1\n  state.update(n)\n  (key, n)\n}',
            stateType: 'Long',
          }
        : {
            code: '(key, value, state) => state.isTimingOut ? (key, state.get) : {\n  val sum = state.getOption.getOrElse(0.0) + value.getOrElse(0.0)\n  state.update(sum)\n  (key, sum)\n}',
          };
    default:
      return null;
  }
}

/** flatMapGroupsWithState's operator, as a query's spec holds it. */
type GroupStateOperator = Extract<StructuredSpec['operator'], { kind: 'flatMapGroupsWithState' }>;

/**
 * The query's catalogue functions written with a GroupState, for the operator's timeout and the
 * query's output mode: what the query panel fills in for "your own function". With a
 * processing-time timeout (or none) they give the catalogue's results; with an event-time timeout
 * the function sees no event times, so it times a key out `timeoutMs` past the watermark instead
 * (GroupState.setTimeoutTimestamp; the catalogue counts from the key's newest event).
 */
export function groupExample(op: GroupStateOperator, outputMode: StructuredSpec['outputMode']): OwnExample {
  // The timeout is set again at every call, as Spark resets it (GroupState scaladoc); setting
  // one the query did not enable throws (GroupStateImpl), so none is set with NoTimeout.
  const timeout =
    op.timeout === 'processingTime'
      ? `\n  state.setTimeoutDuration(${op.timeoutMs})`
      : op.timeout === 'eventTime'
        ? `\n  state.setTimeoutTimestamp(state.getCurrentWatermarkMs + ${op.timeoutMs})`
        : '';
  if (op.fn === 'runningSum')
    return {
      code: `(key, values, state) => state.hasTimedOut ? {\n  state.remove()\n  Seq()\n} : {\n  val sum = state.getOption.getOrElse(0.0) + values.sum\n  state.update(sum)${timeout}\n  Seq((key, sum))\n}`,
    };
  // Spark's StructuredSessionization: the running count in update mode, the finished session
  // when it times out.
  const running = outputMode === 'update' ? 'Seq((key, n))' : 'Seq()';
  return {
    code: `(key, values, state) => state.hasTimedOut ? {\n  val n = state.get\n  state.remove()\n  Seq((key, n))\n} : {\n  val n = state.getOption.getOrElse(0) + values.size\n  state.update(n)${timeout}\n  ${running}\n}`,
    stateType: 'Long',
  };
}
