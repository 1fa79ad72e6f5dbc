export type { FrameSummary } from './simulation';
export { Simulation } from './simulation';
export { type CompiledScenario, compileScenario, SCRIPTED_PRODUCER_ID } from './scenario';
export { lastTick, tickOfTime, timeOfTick } from './time';
export { type TraceEntry, type TraceKind, TraceKinds, traceDescriptions } from './trace';
export { type TupleStatus, type TupleView } from './tuples';
export { type Payload, payloadOf } from './payload';
export type * from './types';
