/**
 * The pipeline map's part for what reads the data: a Spark Streaming application (its DStreams,
 * runs of plain transformations drawn as one node), a Structured Streaming query, or an event-time
 * windowed aggregation.
 */
import type { CompiledScenario, DStreamNode } from '../../engine';
import type { MapEdgeKind, MapNode } from './topology';

export const operationNode = (index: number) => `op:${index}`;

/** Whether an operation is a plain transformation: one input, no state, no window, not an output. */
function plain(node: DStreamNode): boolean {
  return (
    node.role !== 'input' &&
    node.role !== 'output' &&
    !node.mustCheckpoint &&
    node.windowMs === null &&
    node.parents.length === 1
  );
}

/**
 * Runs of plain transformations (`flatMap → map → reduceByKey`) are drawn as one node, so a long
 * program still fits across the page; the DStream timeline shows each of them. Maps every
 * operation to the first operation of its run.
 */
export function operationRuns(operations: readonly DStreamNode[]): Map<number, number> {
  const children = new Map<number, number>();
  for (const op of operations) for (const p of op.parents) children.set(p, (children.get(p) ?? 0) + 1);
  const head = new Map<number, number>();
  for (const op of operations) {
    const parent = op.parents[0];
    const parentOp = parent === undefined ? undefined : operations[parent];
    const joins = plain(op) && parentOp !== undefined && plain(parentOp) && children.get(parent!) === 1;
    head.set(op.index, joins ? (head.get(parent!) ?? parent!) : op.index);
  }
  return head;
}

function operationDetail(run: readonly DStreamNode[]): string {
  const parts = [run.map((n) => n.spec.id).join(', ')];
  const node = run[0]!;
  if (node.windowMs !== null) parts.push(`window ${node.windowMs / 1000} s / ${node.slideMs / 1000} s`);
  if (node.mustCheckpoint) parts.push('state');
  if (node.role === 'output') parts.push('output');
  if (node.role === 'input') parts.push('input');
  return parts.join(' · ');
}

export type AddEdge = (from: string, to: string, kind: MapEdgeKind) => void;

/** The streaming application, query or windowed aggregation: its nodes, and which of them read what. */
export function applicationNodes(
  scenario: CompiledScenario,
  operations: readonly DStreamNode[] | null,
  nodes: MapNode[],
  edge: AddEdge,
): { fromKafka: string[]; fromProducers: string[] } {
  const spec = scenario.spec;
  const fromKafka: string[] = [];
  const fromProducers: string[] = [];
  if (spec.streaming && operations && operations.length > 0) {
    const s = spec.streaming;
    nodes.push({
      id: 'app',
      kind: 'app',
      label: `Spark Streaming · ${s.batchIntervalMs / 1000} s batches`,
      detail: `${s.cores} cores`,
      target: { panel: 'dstream' },
    });
    const head = operationRuns(operations);
    for (const op of operations) {
      const first = head.get(op.index)!;
      if (first !== op.index) continue;
      const run = operations.filter((o) => head.get(o.index) === op.index);
      nodes.push({
        id: operationNode(op.index),
        kind: op.role === 'output' ? 'sink' : op.mustCheckpoint ? 'state' : 'operation',
        label: run.map((o) => o.spec.op).join(' → '),
        detail: operationDetail(run),
        parent: 'app',
        target: { panel: 'dstream', entity: 'dstream', node: op.index },
      });
      if (op.spec.op === 'kafkaDirectStream') fromKafka.push(operationNode(op.index));
      else if (op.role === 'input') fromProducers.push(operationNode(op.index));
    }
    for (const op of operations) {
      for (const parent of op.parents) {
        const from = head.get(parent)!;
        const to = head.get(op.index)!;
        if (from !== to) edge(operationNode(from), operationNode(to), 'flow');
      }
    }
    if (s.checkpointDir !== null) {
      nodes.push({
        id: 'checkpoint',
        kind: 'checkpoint',
        label: 'Checkpoint directory',
        detail: s.checkpointDir,
        target: { panel: 'checkpoints' },
      });
      for (const op of operations)
        if (op.mustCheckpoint) edge(operationNode(op.index), 'checkpoint', 'state');
    }
  } else if (spec.query) {
    const q = spec.query;
    nodes.push({
      id: 'app',
      kind: 'app',
      label: 'Structured Streaming',
      detail:
        q.trigger.kind === 'processingTime'
          ? `trigger every ${q.trigger.intervalMs / 1000} s`
          : q.trigger.kind,
      target: { panel: 'qprogress' },
    });
    q.inputs.forEach((input, i) => {
      const id = `source:${i}`;
      nodes.push({
        id,
        kind: 'operation',
        label: input.source === 'kafka' ? `Kafka source ${input.id}` : `Source ${input.id}`,
        detail: `withWatermark ${input.delayMs / 1000} s`,
        parent: 'app',
        target: { panel: 'qprogress' },
      });
      (input.source === 'kafka' ? fromKafka : fromProducers).push(id);
      edge(id, 'operator', 'flow');
    });
    nodes.push({
      id: 'operator',
      kind: 'operation',
      label: q.operator.kind,
      detail: `${q.outputMode} mode`,
      parent: 'app',
      target: { panel: 'qprogress' },
    });
    nodes.push({
      id: 'state',
      kind: 'state',
      label: 'State store',
      detail: 'per partition, versioned',
      parent: 'app',
      target: { panel: 'qstate' },
    });
    nodes.push({
      id: 'sink',
      kind: 'sink',
      label: `Sink: ${q.sink.kind}`,
      detail: '',
      target: { panel: 'qsink' },
    });
    nodes.push({
      id: 'checkpoint',
      kind: 'checkpoint',
      label: 'Checkpoint location',
      detail: q.checkpointLocation,
      target: { panel: 'qcheckpoint' },
    });
    edge('operator', 'state', 'state');
    edge('operator', 'sink', 'flow');
    edge('operator', 'checkpoint', 'state');
  } else if (spec.eventTime) {
    const et = spec.eventTime;
    nodes.push({
      id: 'operator',
      kind: 'operation',
      label: `${et.engine === 'spark' ? 'Spark' : 'Flink'} windowed ${et.aggregate}`,
      detail: `${et.window.kind} windows, watermarks`,
      target: { panel: 'etplot' },
    });
    nodes.push({
      id: 'sink',
      kind: 'sink',
      label: 'Window results',
      detail: '',
      target: { panel: 'wresults' },
    });
    edge('operator', 'sink', 'flow');
    (spec.delivery ? fromKafka : fromProducers).push('operator');
  }
  return { fromKafka, fromProducers };
}
