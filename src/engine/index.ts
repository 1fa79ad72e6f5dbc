export { murmur2, partitionForKey, toPositive } from './broker/partitioner';
export {
  analyseEventTime,
  type EventTimeAnalysis,
  eventRecordOf,
  eventRecords,
  type LateTuple,
  type WatermarkStep,
  watermarkAt,
} from './eventtime/analysis';
export { type FlinkOptions, type FlinkRun, NO_WATERMARK, runFlink } from './eventtime/flink';
export { perfectWatermark, perfectWatermarkIndex, processingTimeWindows } from './eventtime/reference';
export { type OutputMode, runSpark, type SparkBatch, type SparkOptions } from './eventtime/spark';
export {
  type Aggregate,
  assignWindows,
  type Emission,
  type EventRecord,
  nominalSizeMs,
  type Window,
  type WindowSpec,
} from './eventtime/windows';
export {
  type DStreamNode,
  defineStreaming,
  duration,
  isInputOp,
  isOutputOp,
  isWindowedOp,
  SparkError,
} from './microbatch/context';
export {
  FILTER_FNS,
  FLATMAP_FNS,
  FN_LISTS,
  type FnOp,
  FOREACH_FNS,
  fnCatalogue,
  MAP_FNS,
  TRANSFORM_FNS,
} from './microbatch/functions';
export type { InputSplit, Rdd } from './microbatch/rdd';
export { StreamingRun } from './microbatch/run';
export {
  elementKeys,
  GUARANTEES,
  type SinkLedger,
  type SinkWrite,
  sinkLedger,
  type WriteFate,
} from './microbatch/sinks';
export {
  type CallReason,
  MAPPING_FNS,
  type StateCall,
  type StateEntry,
  type StateStep,
  UPDATE_FNS,
} from './microbatch/state';
export {
  type Batch,
  type BatchStatus,
  batchStatus,
  type DataCheckpoint,
  type MetadataCheckpoint,
  type OutputResult,
  type Recovery,
} from './microbatch/types';
export {
  installUserLanguage,
  userLanguage,
} from './microbatch/userCode';
export {
  formatDouble,
  formatValue,
  scalaType,
  type Value,
  type ValueType,
  valueKey,
} from './microbatch/values';
export { sliceTimes, windowTimes } from './microbatch/windows';
export { type Payload, payloadOf } from './payload';
export { type CompiledScenario, compileScenario, SCRIPTED_PRODUCER_ID } from './scenario';
export type { FrameSummary } from './simulation';
export { Simulation } from './simulation';
export { eventTimeSpecOf, queryAnalysis } from './structured/analysis';
export type { DroppedRow, OutputRow, StateRow } from './structured/operators';
export { type QueryBatchPhase, queryBatchPhase } from './structured/phase';
export { StructuredQuery } from './structured/query';
export { sinkContents } from './structured/sinks';
export type * from './structured/spec';
export type * from './structured/types';
export { lastTick, tickOfTime, timeOfTick } from './time';
export { type TraceEntry, type TraceKind, TraceKinds, traceDescriptions, traceFields } from './trace';
export {
  PACKED_MARK_STATUSES,
  PACKED_MARK_STRIDE,
  PackedMarkFlag,
  type TupleMark,
  type TupleStatus,
  type TupleView,
} from './tuples';
export type * from './types';
