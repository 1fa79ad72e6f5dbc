/**
 * The pipeline map's shape, derived from the scenario alone (so a custom scenario gets a map too):
 * producers → the network → a Kafka topic's partitions, a queue, direct links or the stream
 * processor → consumer groups, or a streaming application (source, operations, state, sinks).
 * What changes over time (faults, assignment, tuples in flight) is read per frame elsewhere
 * (status.ts, flight.ts); this shape stays put while the run plays.
 */
import type { CompiledScenario, DStreamNode } from '../../engine';
import { partitionForKey } from '../../engine';

export type MapNodeKind =
  | 'producer'
  | 'cluster'
  | 'partition'
  | 'group'
  | 'member'
  | 'queue'
  | 'consumer'
  | 'processor'
  | 'app'
  | 'operation'
  | 'state'
  | 'sink'
  | 'checkpoint';

/** What a click on a node opens: the detailed view to scroll to, and the inspector to show, if any. */
export type MapTarget =
  | { readonly panel: string }
  | { readonly panel: string; readonly entity: 'partition'; readonly partition: number }
  | { readonly panel: string; readonly entity: 'member'; readonly group: number; readonly member: string }
  | { readonly panel: string; readonly entity: 'dstream'; readonly node: number };

export interface MapNode {
  readonly id: string;
  readonly kind: MapNodeKind;
  readonly label: string;
  /** A second line: what the node is configured to do (status lines come from status.ts). */
  readonly detail: string;
  /** The compound node (cluster, group, application) it is drawn inside. */
  readonly parent?: string;
  readonly target: MapTarget;
}

/**
 * `network`: a tuple crosses it between its send and its arrival (tuples in flight move along it);
 * `fetch`: a consumer reads records (drawn for a moment after each fetch); `flow`: data moves on
 * inside an application, batch by batch; `state`: an operator reads and writes its state or checkpoint.
 */
export type MapEdgeKind = 'network' | 'fetch' | 'flow' | 'state';

export interface MapEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: MapEdgeKind;
  /** The producer whose tuples cross a network edge. */
  readonly producer?: number;
}

export interface Topology {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
}

export const producerNode = (index: number) => `producer:${index}`;
export const partitionNode = (p: number) => `partition:${p}`;
export const memberNode = (group: number, member: string) => `member:${group}:${member}`;
export const consumerNode = (id: string) => `consumer:${id}`;
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

/** Every member a group will ever have: the scenario's, and those a scripted fault adds. */
function membersOf(scenario: CompiledScenario, groupIndex: number): string[] {
  const delivery = scenario.spec.delivery;
  const group = delivery?.groups[groupIndex];
  if (!delivery || !group) return [];
  const ids = group.members.map((m) => m.id);
  for (const f of delivery.faults) {
    if (f.kind === 'addConsumer' && f.group === group.id && !ids.includes(f.member)) ids.push(f.member);
  }
  return ids;
}

/**
 * The partitions a producer's records can go to. Keyed records: Kafka's default partitioner,
 * murmur2 of the key modulo the partition count (clients BuiltInPartitioner.partitionForKey, as
 * engine/broker/partitioner.ts reproduces it). Records without a key may go to any partition.
 */
export function partitionsOfProducer(
  scenario: CompiledScenario,
  index: number,
  partitions: number,
): number[] {
  const producer = scenario.producers[index];
  if (!producer?.spec.keyed || producer.keyIndices.length === 0) {
    return Array.from({ length: partitions }, (_, p) => p);
  }
  const set = new Set<number>();
  for (const k of producer.keyIndices) set.add(partitionForKey(scenario.keys[k] ?? '', partitions));
  return [...set].sort((a, b) => a - b);
}

function rateText(ratePerSec: number): string {
  return ratePerSec > 0 ? `${ratePerSec} tuples/s` : 'scripted tuples';
}

/** The map of a scenario; `operations` are the streaming application's DStreams, when it has any. */
export function pipelineTopology(
  scenario: CompiledScenario,
  operations: readonly DStreamNode[] | null,
): Topology {
  const spec = scenario.spec;
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const edge = (from: string, to: string, kind: MapEdgeKind, producer?: number) =>
    edges.push({ id: `${from}->${to}`, from, to, kind, ...(producer === undefined ? {} : { producer }) });

  scenario.producers.forEach((p, i) => {
    const keys = p.spec.keyed
      ? `keys ${[...p.keyIndices].map((k) => scenario.keys[k]).join(', ')}`
      : 'no key';
    nodes.push({
      id: producerNode(i),
      kind: 'producer',
      label: p.spec.label,
      detail: `${rateText(p.spec.ratePerSec)} · ${keys}`,
      target: { panel: 'producers' },
    });
  });

  // Where the network takes each producer's tuples, per producer (a list of node ids).
  let arrivesAt: (producer: number) => string[];
  const delivery = spec.delivery;
  const messaging = spec.messaging;
  if (delivery) {
    nodes.push({
      id: 'cluster',
      kind: 'cluster',
      label: `Kafka · ${delivery.brokers} broker${delivery.brokers === 1 ? '' : 's'}`,
      detail: `replication factor ${delivery.replicationFactor}, acks=${delivery.acks}`,
      target: { panel: 'broker' },
    });
    for (let p = 0; p < delivery.partitions; p++) {
      nodes.push({
        id: partitionNode(p),
        kind: 'partition',
        label: `Partition ${p}`,
        detail: '',
        parent: 'cluster',
        target: { panel: 'broker', entity: 'partition', partition: p },
      });
    }
    arrivesAt = (i) => partitionsOfProducer(scenario, i, delivery.partitions).map(partitionNode);
    delivery.groups.forEach((g, gi) => {
      const groupId = `group:${gi}`;
      nodes.push({
        id: groupId,
        kind: 'group',
        label: `Group ${g.id}`,
        detail: `${g.assignor} assignor`,
        target: { panel: 'consumers' },
      });
      for (const m of membersOf(scenario, gi)) {
        nodes.push({
          id: memberNode(gi, m),
          kind: 'member',
          label: m,
          detail: '',
          parent: groupId,
          target: { panel: 'consumers', entity: 'member', group: gi, member: m },
        });
        // Any partition may be assigned to any member; status.ts says which are, at each moment.
        for (let p = 0; p < delivery.partitions; p++) edge(partitionNode(p), memberNode(gi, m), 'fetch');
      }
    });
  } else if (messaging?.model === 'queue') {
    nodes.push({
      id: 'queue',
      kind: 'queue',
      label: 'Queue broker',
      detail: 'each message to one consumer, deleted on ack',
      target: { panel: 'queue' },
    });
    arrivesAt = () => ['queue'];
    for (const c of messaging.consumers) {
      nodes.push({
        id: consumerNode(c.id),
        kind: 'consumer',
        label: c.id,
        detail: '',
        target: { panel: 'messaging' },
      });
      edge('queue', consumerNode(c.id), 'fetch');
    }
  } else if (messaging) {
    // Direct messaging: every producer pushes to every consumer online at that moment.
    for (const c of messaging.consumers) {
      nodes.push({
        id: consumerNode(c.id),
        kind: 'consumer',
        label: c.id,
        detail: '',
        target: { panel: 'messaging' },
      });
    }
    arrivesAt = () => messaging.consumers.map((c) => consumerNode(c.id));
  } else {
    arrivesAt = () => ['processor'];
  }

  const fromKafka: string[] = delivery
    ? Array.from({ length: delivery.partitions }, (_, p) => partitionNode(p))
    : [];
  const readers = applicationNodes(scenario, operations, nodes, edge);
  // Without a broker the application's inputs are where the network ends.
  if (!delivery && !messaging) {
    if (readers.fromProducers.length > 0) arrivesAt = () => readers.fromProducers;
    else
      nodes.push({
        id: 'processor',
        kind: 'processor',
        label: 'Stream processor',
        detail: 'gets each tuple on arrival',
        target: { panel: 'producers' },
      });
  }
  for (const reader of readers.fromKafka) for (const p of fromKafka) edge(p, reader, 'flow');
  scenario.producers.forEach((_, i) => {
    for (const to of arrivesAt(i)) edge(producerNode(i), to, 'network', i);
  });
  return { nodes, edges };
}

type AddEdge = (from: string, to: string, kind: MapEdgeKind) => void;

/** The streaming application, query or windowed aggregation: its nodes, and which of them read what. */
function applicationNodes(
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
