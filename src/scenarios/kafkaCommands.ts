import type { ConsumerGroupSpec, FaultSpec, ScenarioSpec } from '../engine';
import { BOOTSTRAP_SERVERS, type CodeNote, commentLines, commentSafe, KAFKA_TOPIC } from './codeText';
import { MAX_RECORDS, type ProducedRecord, producedRecords } from './kafkaRecords';

/**
 * A shell script that sets up Kafka as the scenario describes and replays its run: kafka-topics.sh
 * for the topic, kafka-console-producer.sh fed (through a here-document) with the run's tuples as
 * key:value lines, and a console consumer per member of each consumer group.
 */

export interface KafkaCommands {
  readonly script: string;
  readonly notes: readonly CodeNote[];
  /** Records written into the here-document. */
  readonly records: number;
  /** Arrived tuples beyond the limit, left out. */
  readonly omitted: number;
  /** Tuples whose key the console producer cannot send (line breaks, NUL, broken UTF-16), left out. */
  readonly rejected: number;
}

/** Whether a scenario has something for Kafka: a broker, or exported code that reads a Kafka topic. */
export function hasKafkaExport(spec: ScenarioSpec): boolean {
  return spec.delivery !== undefined || spec.streaming !== undefined || spec.eventTime !== undefined;
}

/** A word the shell passes through unchanged, or single-quoted (' becomes '\''). Null for NUL. */
export function shellQuote(s: string): string | null {
  if (s.includes('\0')) return null;
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

const HEREDOC = 'STREAMSCOPE_RECORDS';
const SEPARATORS = [':', '|', ';', '~', '^', '!', '#', '=', '@', '%', '+', ','];
// A record is one line for the console producer (BufferedReader.readLine ends a line at \n or \r);
// bash cannot hold NUL; a lone surrogate has no UTF-8 form.
const UNSENDABLE = /[\n\r\0]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ASSIGNORS = {
  range: 'org.apache.kafka.clients.consumer.RangeAssignor',
  roundrobin: 'org.apache.kafka.clients.consumer.RoundRobinAssignor',
  'cooperative-sticky': 'org.apache.kafka.clients.consumer.CooperativeStickyAssignor',
} as const;

const seconds = (ms: number) => `${ms / 1000} s`;

function topicSettings(spec: ScenarioSpec) {
  const d = spec.delivery;
  return {
    brokers: d?.brokers ?? 1,
    partitions: d?.partitions ?? 1,
    replicationFactor: d?.replicationFactor ?? 1,
    minInsyncReplicas: d?.minInsyncReplicas ?? 1,
    acks: d?.acks ?? 'all',
  };
}

/** The here-document body: one `key<sep>value` line per record; keys that cannot be sent are dropped. */
function recordLines(records: readonly ProducedRecord[]) {
  const sendable = records.filter((r) => r.key === null || !UNSENDABLE.test(r.key));
  const keys = sendable.flatMap((r) => (r.key === null ? [] : [r.key]));
  const separator = SEPARATORS.find((s) => !keys.some((k) => k.includes(s))) ?? ':';
  const keySet = new Set(keys);
  let nullMarker = '<null>';
  for (let i = 1; keySet.has(nullMarker); i++) nullMarker = `<null-${i}>`;
  // Should no separator be free, keys holding it would be split wrongly: leave them out too.
  const lines = sendable
    .filter((r) => r.key === null || !r.key.includes(separator))
    .map((r) => `${r.key ?? nullMarker}${separator}${r.value}`);
  let delimiter = HEREDOC;
  while (lines.includes(delimiter)) delimiter += '_END';
  const usesNull = sendable.some((r) => r.key === null);
  return { lines, separator, nullMarker: usesNull ? nullMarker : null, delimiter };
}

function faultComment(f: FaultSpec): string {
  const at = `at ${seconds(f.atMs)}`;
  if ('broker' in f)
    return f.kind === 'crashBroker'
      ? `${at}: stop broker ${f.broker} (kafka-server-stop.sh on it)`
      : `${at}: start broker ${f.broker} again`;
  const who = `member "${commentSafe(f.member)}" of group "${commentSafe(f.group)}"`;
  return f.kind === 'crashConsumer' || f.kind === 'removeConsumer'
    ? `${at}: stop ${who}`
    : `${at}: start ${who}`;
}

function consumerLines(g: ConsumerGroupSpec, separator: string, notes: CodeNote[]): string[] {
  const q = (s: string) => shellQuote(s);
  const group = q(g.id);
  if (group === null) return [`# Consumer group "${commentSafe(g.id)}": its id holds a NUL byte, left out.`];
  const props = [
    `partition.assignment.strategy=${ASSIGNORS[g.assignor]}`,
    `session.timeout.ms=${g.sessionTimeoutMs}`,
    `max.poll.records=${g.maxPollRecords}`,
    ...(g.commitMode === 'auto' ? [`auto.commit.interval.ms=${g.autoCommitIntervalMs}`] : []),
  ];
  if (g.commitMode !== 'auto')
    notes.push({
      about: `group ${g.id}`,
      kind: 'none',
      text: `the console consumer only commits automatically; committing ${g.commitMode === 'afterProcessing' ? 'after' : 'before'} processing needs a consumer of your own that calls commitSync().`,
    });
  const lines = commentLines(
    '#',
    `Consumer group "${g.id}" (${g.assignor} assignor, ${g.commitMode === 'auto' ? `auto commit every ${seconds(g.autoCommitIntervalMs)}` : 'auto commit: the console consumer cannot commit by hand'}, ${g.autoOffsetReset === 'earliest' ? 'from the earliest offset' : 'from the latest offset'} when it has none committed): one console consumer per member; each stops after 10 s without records.`,
  );
  for (const m of g.members) {
    const instance = m.instanceId !== undefined ? q(`group.instance.id=${m.instanceId}`) : null;
    lines.push(
      `# member "${commentSafe(m.id)}"${m.joinAtMs > 0 ? `, joins at ${seconds(m.joinAtMs)} in the run` : ''}`,
    );
    lines.push(`kafka-console-consumer.sh --topic ${KAFKA_TOPIC} --bootstrap-server ${BOOTSTRAP_SERVERS} \\`);
    lines.push(`  --group ${group}${g.autoOffsetReset === 'earliest' ? ' --from-beginning' : ''} \\`);
    for (const p of props) lines.push(`  --consumer-property ${p} \\`);
    if (instance) lines.push(`  --consumer-property ${instance} \\`);
    lines.push(
      `  --property print.key=true --property ${q(`key.separator=${separator}`)} --timeout-ms 10000 &`,
    );
  }
  return lines;
}

export function kafkaCommands(spec: ScenarioSpec, seed = spec.seed, limit = MAX_RECORDS): KafkaCommands {
  const notes: CodeNote[] = [];
  const t = topicSettings(spec);
  const d = spec.delivery;
  const produced = producedRecords(spec, seed, limit);
  const { lines: body, separator, nullMarker, delimiter } = recordLines(produced.records);
  const rejected = produced.records.length - body.length;
  const omitted = produced.arrived - produced.records.length;

  const out = [
    '#!/bin/sh',
    ...commentLines(
      '#',
      `Kafka commands for "${spec.name}" (seed ${seed}): the topic, the run's tuples, its consumers.`,
    ),
    `# Needs Kafka's bin/ directory on PATH and ${t.brokers === 1 ? 'a broker' : `a cluster of ${t.brokers} brokers`} at ${BOOTSTRAP_SERVERS}.`,
    'set -eu',
    '',
  ];
  if (!d)
    out.push(
      '# This scenario has no broker of its own: one partition keeps the tuples in arrival order for the exported code.',
    );
  else out.push(`# Broker setting (server.properties): replica.lag.time.max.ms=${d.replicaLagTimeMaxMs}`);
  const configs = [`min.insync.replicas=${t.minInsyncReplicas}`];
  if (d?.retention.ms != null) configs.push(`retention.ms=${d.retention.ms}`);
  if (d?.retention.records != null)
    notes.push({
      about: 'retention',
      kind: 'none',
      text: `Kafka limits a log by bytes (retention.bytes), not by records: the run's limit of ${d.retention.records} records has no exact setting.`,
    });
  out.push(
    `kafka-topics.sh --create --topic ${KAFKA_TOPIC} --partitions ${t.partitions} --replication-factor ${t.replicationFactor} ${configs.map((c) => `--config ${c}`).join(' ')} --bootstrap-server ${BOOTSTRAP_SERVERS}`,
    '',
  );

  const summary = [
    `${body.length} tuples of the run as key${separator}value lines, in the order they arrived.`,
    omitted > 0
      ? `The run has ${produced.arrived} arrivals; the last ${omitted} are left out (at most ${limit}).`
      : '',
    produced.dropped > 0 ? `${produced.dropped} tuples the network lost are not here, as in the run.` : '',
    rejected > 0
      ? `${rejected} tuples are left out: their keys hold a line break or NUL, which a line cannot carry.`
      : '',
    nullMarker ? `Producers without keys send null keys (${nullMarker}, via null.marker).` : '',
    d ? "The run's own refusals (not enough in-sync replicas, no leader) are not replayed." : '',
  ].filter(Boolean);
  out.push(...commentLines('#', summary.join(' ')));
  const producerProps = [
    '--property parse.key=true',
    `--property ${shellQuote(`key.separator=${separator}`)}`,
    ...(nullMarker ? [`--property ${shellQuote(`null.marker=${nullMarker}`)}`] : []),
    `--producer-property acks=${t.acks}`,
    // The idempotent producer (the default since Kafka 3.0) needs acks=all.
    ...(t.acks === 'all' ? [] : ['--producer-property enable.idempotence=false']),
    ...(d?.unkeyedPartitioner === 'roundRobin' && nullMarker
      ? ['--producer-property partitioner.class=org.apache.kafka.clients.producer.RoundRobinPartitioner']
      : []),
  ];
  // A quoted delimiter: the shell expands nothing in the body, and no record line equals it.
  out.push(
    `kafka-console-producer.sh --topic ${KAFKA_TOPIC} --bootstrap-server ${BOOTSTRAP_SERVERS} ${producerProps.join(' ')} <<'${delimiter}'`,
    ...body,
    delimiter,
  );

  const faults = d?.faults ?? [];
  if (faults.length > 0) {
    out.push('', "# The run's scripted faults, to repeat by hand:");
    for (const f of faults) out.push(`#   ${faultComment(f)}`);
  }
  for (const g of d?.groups ?? []) out.push('', ...consumerLines(g, separator, notes));
  if ((d?.groups.length ?? 0) > 0) out.push('wait');
  return { script: `${out.join('\n')}\n`, notes, records: body.length, omitted, rejected };
}
