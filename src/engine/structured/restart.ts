/**
 * What a restart may change, and how Spark refuses what it may not ("Recovery Semantics after
 * Changes in a Streaming Query", Structured Streaming guide): a different number of inputs fails
 * OffsetSeq.toStreamProgress's assertion; a different stateful operator fails
 * IncrementalExecution.checkOperatorValidWithMetadata; different grouping keys or aggregates change
 * the state schema (StateStoreErrors: STATE_STORE_KEY/VALUE_SCHEMA_NOT_COMPATIBLE). Rate limits,
 * the trigger, watermark delays, the output mode and the sink may change.
 */
import type { QueryChange, StatefulOperatorSpec, StructuredSpec } from './spec';

export interface RefusedChange {
  readonly errorClass: string;
  readonly message: string;
}

export function applyChange(spec: StructuredSpec, change: QueryChange): StructuredSpec {
  const inputs = spec.inputs.map((input, i) => ({
    ...input,
    ...(change.maxOffsetsPerTrigger !== undefined
      ? { maxOffsetsPerTrigger: change.maxOffsetsPerTrigger }
      : {}),
    ...(change.delaysMs?.[i] !== undefined ? { delayMs: change.delaysMs[i]! } : {}),
  }));
  const count = change.inputs ?? inputs.length;
  const resized = Array.from({ length: count }, (_, i) => inputs[i] ?? { ...inputs[0]!, id: `input${i}` });
  return {
    ...spec,
    inputs: resized,
    trigger: change.trigger ?? spec.trigger,
    sink: change.sink ?? spec.sink,
    operator: change.operator ?? spec.operator,
    outputMode: change.outputMode ?? spec.outputMode,
  };
}

const OPERATOR_NAMES: Record<StatefulOperatorSpec['kind'], string> = {
  windowAggregation: 'stateStoreSave',
  dropDuplicates: 'dedupe',
  flatMapGroupsWithState: 'flatMapGroupsWithState',
};

/** Null when the checkpoint of `before` can serve `after`; otherwise the error Spark raises. */
export function refusedChange(before: StructuredSpec, after: StructuredSpec): RefusedChange | null {
  if (before.inputs.length !== after.inputs.length)
    return {
      errorClass: 'java.lang.AssertionError',
      message: `assertion failed: There are [${before.inputs.length}] sources in the checkpoint offsets and now there are [${after.inputs.length}] sources requested by the query. Cannot continue.`,
    };
  // UnsupportedOperationChecker: complete mode needs a streaming aggregation.
  if (after.outputMode === 'complete' && after.operator.kind !== 'windowAggregation')
    return {
      errorClass: 'org.apache.spark.sql.AnalysisException',
      message:
        'Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets',
    };
  const a = before.operator;
  const b = after.operator;
  if (a.kind !== b.kind)
    return {
      errorClass: 'STREAMING_STATEFUL_OPERATOR_NOT_MATCH_IN_STATE_METADATA',
      message: `Streaming stateful operator name does not match with the operator in state metadata. This is likely to happen when a user adds/removes/changes stateful operators of existing streaming query. Stateful operators in the metadata: [(OperatorId: 0 -> OperatorName: ${OPERATOR_NAMES[a.kind]})]; Stateful operators in current batch: [(OperatorId: 0 -> OperatorName: ${OPERATOR_NAMES[b.kind]})].`,
    };
  if (a.kind === 'windowAggregation' && b.kind === 'windowAggregation') {
    if (a.keyed !== b.keyed || (a.window.kind === 'session') !== (b.window.kind === 'session'))
      return {
        errorClass: 'STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE',
        message: `Provided key schema does not match existing state key schema. Please check number and type of fields. Existing key_schema=${keySchema(a)} and new key_schema=${keySchema(b)}.`,
      };
    if (a.aggregate !== b.aggregate)
      return {
        errorClass: 'STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE',
        message: `Provided value schema does not match existing state value schema. Please check number and type of fields. Existing value_schema=${valueSchema(a.aggregate)} and new value_schema=${valueSchema(b.aggregate)}.`,
      };
  }
  if (a.kind === 'flatMapGroupsWithState' && b.kind === 'flatMapGroupsWithState' && a.timeout !== b.timeout)
    return {
      errorClass: 'STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE',
      message: `The type of timeout cannot change between restarts ("Any change to the schema of the user-defined state and the type of timeout is not allowed"): the checkpoint has ${a.timeout}, the query asks for ${b.timeout}.`,
    };
  return null;
}

function keySchema(o: Extract<StatefulOperatorSpec, { kind: 'windowAggregation' }>): string {
  const window = o.window.kind === 'session' ? 'session_window' : 'window';
  const fields = [...(o.keyed ? ['key:string'] : []), `${window}:struct<start:timestamp,end:timestamp>`];
  return `StructType(${fields.join(',')})`;
}

function valueSchema(aggregate: string): string {
  if (aggregate === 'avg') return 'StructType(sum:double,count:bigint)';
  return `StructType(${aggregate}:${aggregate === 'count' ? 'bigint' : 'double'})`;
}
