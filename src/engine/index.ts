export { murmur2, partitionForKey, toPositive } from './broker/partitioner';
export { type Payload, payloadOf } from './payload';
export { type CompiledScenario, compileScenario, SCRIPTED_PRODUCER_ID } from './scenario';
export type { FrameSummary } from './simulation';
export { Simulation } from './simulation';
export { lastTick, tickOfTime, timeOfTick } from './time';
export { type TraceEntry, type TraceKind, TraceKinds, traceDescriptions, traceFields } from './trace';
export type { TupleStatus, TupleView } from './tuples';
export type * from './types';
