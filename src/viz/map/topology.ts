/**
 * The pipeline map's shape, derived from the scenario alone (so a custom scenario gets a map too):
 * producers → the network → a Kafka topic's partitions, a queue, direct links or the stream
 * processor → consumer groups, or a streaming application (source, operations, state, sinks).
 * What changes over time (faults, assignment, tuples in flight) is read per frame elsewhere
 * (status.ts, flight.ts); this shape stays put while the run plays.
 */
import type { CompiledScenario, DStreamNode } from '../../engine';
import { partitionForKey } from '../../engine';
import { applicationNodes, operationNode, operationRuns } from './application';

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

/** A consumer of direct messaging or of the queue broker. */
function messagingConsumer(id: string): MapNode {
  return { id: consumerNode(id), kind: 'consumer', label: id, detail: '', target: { panel: 'messaging' } };
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
      nodes.push(messagingConsumer(c.id));
      edge('queue', consumerNode(c.id), 'fetch');
    }
  } else if (messaging) {
    // Direct messaging: every producer pushes to every consumer online at that moment.
    for (const c of messaging.consumers) nodes.push(messagingConsumer(c.id));
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

export { operationNode, operationRuns };
