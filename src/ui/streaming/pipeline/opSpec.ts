/** Which fields an operation's spec holds, by its kind (and which kinds take a catalogue function). */
import { type FnOp, fnCatalogue, type StreamOpKind, type StreamOpSpec } from '../../../engine';
import { fieldsOf } from '../../../scenarios/streamingSchema';

export const FN_OPS: readonly StreamOpKind[] = ['map', 'flatMap', 'filter', 'transform', 'foreachRDD'];

/** Drops fields that no longer apply (e.g. arg after switching to a function without one). */
export function clean(op: StreamOpSpec): StreamOpSpec {
  const { required, optional } = fieldsOf(op.op);
  const keep = new Set<string>(['id', 'op', ...required, ...optional]);
  const out = Object.fromEntries(Object.entries(op).filter(([k, v]) => keep.has(k) && v !== undefined));
  if (FN_OPS.includes(op.op)) {
    const f = fnCatalogue[op.op as FnOp](op.fn);
    if (!f?.arg) delete out.arg;
  }
  return out as unknown as StreamOpSpec;
}
