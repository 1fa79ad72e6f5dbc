import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ScenarioSpec, Simulation } from '../engine';
import { hasKafkaExport, kafkaCommands, shellQuote } from './kafkaCommands';
import { findPreset } from './presets';
import { parseScenario } from './validate';

const preset = (id: string) => findPreset(id)!.scenario;
const hasBash = spawnSync('bash', ['--version']).status === 0;

/** The here-document's lines: what kafka-console-producer.sh reads. */
function heredoc(script: string): string[] {
  const lines = script.split('\n');
  const start = lines.findIndex((l) => l.startsWith('kafka-console-producer.sh'));
  const delimiter = /<<'([^']+)'$/.exec(lines[start]!)![1]!;
  return lines.slice(start + 1, lines.indexOf(delimiter, start + 1));
}

/** The comments as one text, line breaks removed. */
const comments = (script: string) =>
  script
    .split('\n')
    .filter((l) => l.startsWith('# '))
    .map((l) => l.slice(2))
    .join(' ');

/**
 * Runs the script with bash in an empty directory, the Kafka tools replaced by functions that print
 * their arguments (one per [ ]) and, for the producer, what it reads. Returns the output and the
 * files the run left behind.
 */
function runWithStubs(script: string): { stdout: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'streamscope-kafka-'));
  try {
    writeFileSync(join(dir, 'kafka.sh'), script);
    const stubs = [
      'kafka-topics.sh() { printf "TOPICS"; printf " [%s]" "$@"; echo; }',
      'kafka-console-producer.sh() { printf "PRODUCER"; printf " [%s]" "$@"; echo; cat; echo "END"; }',
      'kafka-console-consumer.sh() { printf "CONSUMER"; printf " [%s]" "$@"; echo; }',
    ].join('\n');
    const r = spawnSync('bash', ['-c', `${stubs}\n. ./kafka.sh`], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return { stdout: r.stdout, files: readdirSync(dir).filter((f) => f !== 'kafka.sh') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the stubbed producer read from its here-document. */
function produced(stdout: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith('PRODUCER'));
  return lines.slice(start + 1, lines.indexOf('END', start));
}

describe('Kafka commands', () => {
  it('creates the topic with the scenario’s partitions, replication factor and min ISR, and produces with its acks', () => {
    const { script } = kafkaCommands(preset('kafka-failover'));
    expect(script).toContain(
      'kafka-topics.sh --create --topic events --partitions 3 --replication-factor 2 --config min.insync.replicas=1 --bootstrap-server localhost:9092\n',
    );
    expect(script).toContain(
      "kafka-console-producer.sh --topic events --bootstrap-server localhost:9092 --property parse.key=true --property key.separator=: --producer-property acks=all <<'STREAMSCOPE_RECORDS'\n",
    );
    expect(script).toContain(
      "# Needs Kafka's bin/ directory on PATH and a cluster of 3 brokers at localhost:9092.",
    );
    expect(script).toContain('#   at 8 s: stop broker 0 (kafka-server-stop.sh on it)');
    // One console consumer per member of the group, in the background, then wait.
    expect(script.match(/--group analytics --from-beginning/g)).toHaveLength(2);
    expect(script).toContain(
      '--consumer-property partition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor',
    );
    expect(script).toContain('--consumer-property auto.commit.interval.ms=3000');
    expect(script.trim().endsWith('wait')).toBe(true);

    expect(kafkaCommands(preset('spark-falling-behind'), 1, 10).script).toContain(
      '--partitions 4 --replication-factor 1 --config min.insync.replicas=1',
    );
    expect(kafkaCommands(preset('spark-falling-behind'), 1, 10).script).toContain(
      '--producer-property acks=1 --producer-property enable.idempotence=false <<',
    );

    const minIsr = kafkaCommands(preset('kafka-min-isr'));
    expect(minIsr.script).toContain('--partitions 3 --replication-factor 2 --config min.insync.replicas=2');
    expect(minIsr.script).toContain('--group ledger --from-beginning');
    expect(minIsr.notes).toContainEqual(expect.objectContaining({ about: 'group ledger', kind: 'none' }));
  });

  it('feeds the producer the tuples of a full run with the scenario’s seed, in arrival order', () => {
    const spec = preset('kafka-failover');
    const sim = new Simulation(spec, spec.seed);
    sim.seek(sim.lastTick);
    const expected = sim.arrivalsBetween(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY).map((id) => {
      const t = sim.tuple(id)!;
      return `${t.key}:${JSON.stringify({ value: t.value, eventTime: t.eventTimeMs, producer: 'clicks' })}`;
    });
    const commands = kafkaCommands(spec);
    expect(expected.length).toBeGreaterThan(100);
    expect(heredoc(commands.script)).toEqual(expected);
    expect(commands).toMatchObject({ records: expected.length, omitted: 0, rejected: 0 });
    if (hasBash) expect(produced(runWithStubs(commands.script).stdout)).toEqual(expected);
  });

  it('uses the run’s seed and caps the records, saying how many it left out', () => {
    const spec = preset('kafka-failover');
    const all = kafkaCommands(spec).records;
    const capped = kafkaCommands(spec, spec.seed, 100);
    expect(heredoc(capped.script)).toHaveLength(100);
    expect(capped.omitted).toBe(all - 100);
    expect(comments(capped.script)).toContain(`the last ${all - 100} are left out (at most 100)`);
    const other = kafkaCommands(spec, 99, 100);
    expect(other.script).toContain('(seed 99)');
    expect(heredoc(other.script)).not.toEqual(heredoc(capped.script));
  });

  it('writes the text line when the pipeline reads it, and a one-partition topic without a broker', () => {
    const spec = preset('receiver-wordcount');
    const { script } = kafkaCommands(spec, spec.seed, 5);
    expect(script).toContain('--partitions 1 --replication-factor 1 --config min.insync.replicas=1');
    const first = heredoc(script)[0]!;
    const value = JSON.parse(first.slice(first.indexOf(':') + 1));
    expect(value.text).toMatch(/^(GET|POST) \//);
    expect(hasKafkaExport(preset('watermarks'))).toBe(true);
    expect(hasKafkaExport(preset('three-kinds'))).toBe(false);
    expect(hasKafkaExport(preset('queue-broker'))).toBe(false);
  });

  it('quotes words for the shell', () => {
    expect(shellQuote('analytics')).toBe('analytics');
    expect(shellQuote('key.separator=:')).toBe('key.separator=:');
    expect(shellQuote("it's $(x)")).toBe(`'it'\\''s $(x)'`);
    expect(shellQuote('a\0b')).toBeNull();
  });

  it('keeps hostile keys, values and names inside the here-document and the quotes', () => {
    const parsed = parseScenario({
      version: 1,
      name: 'hostile\ntouch pwned-name',
      durationMs: 2000,
      tuples: [
        { key: "it's", value: 1, eventTime: 100, arrivalTime: 100 },
        { key: '$(touch pwned1)', value: '`touch pwned2`', eventTime: 200, arrivalTime: 200 },
        {
          key: 'STREAMSCOPE_RECORDS',
          value: 'x\nSTREAMSCOPE_RECORDS\ntouch pwned3',
          eventTime: 300,
          arrivalTime: 300,
        },
        { key: 'a:b', value: { q: '\'"\\' }, eventTime: 400, arrivalTime: 400 },
        { key: 'line\nbreak', value: 5, eventTime: 500, arrivalTime: 500 },
        { key: 'carriage\rreturn', value: 6, eventTime: 600, arrivalTime: 600 },
        { key: '\\', value: '\\n', eventTime: 700, arrivalTime: 700 },
      ],
      delivery: {
        model: 'log',
        brokers: 1,
        partitions: 1,
        replicationFactor: 1,
        minInsyncReplicas: 1,
        acks: 1,
        groups: [{ id: 'g1', members: [{ id: 'c1' }] }],
      },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const d = parsed.scenario.delivery!;
    const g = d.groups[0]!;
    const spec: ScenarioSpec = {
      ...parsed.scenario,
      delivery: {
        ...d,
        groups: [
          {
            ...g,
            id: "g'; touch pwned4; echo '",
            members: [{ ...g.members[0]!, instanceId: '$(touch pwned5)' }],
          },
        ],
      },
    };
    const commands = kafkaCommands(spec);
    // ":" is in a key, so the separator moves; keys with line breaks cannot be one line: left out.
    expect(commands.script).toContain("--property 'key.separator=|'");
    expect(commands.rejected).toBe(2);
    const value = (v: unknown, t: number) => JSON.stringify({ value: v, eventTime: t, producer: 'scripted' });
    const expected = [
      `it's|${value(1, 100)}`,
      `$(touch pwned1)|${value('`touch pwned2`', 200)}`,
      `STREAMSCOPE_RECORDS|${value('x\nSTREAMSCOPE_RECORDS\ntouch pwned3', 300)}`,
      `a:b|${value({ q: '\'"\\' }, 400)}`,
      `\\|${value('\\n', 700)}`,
    ];
    expect(heredoc(commands.script)).toEqual(expected);
    expect(comments(commands.script)).toContain('hostile�touch pwned-name');
    if (!hasBash) return;
    const { stdout, files } = runWithStubs(commands.script);
    expect(produced(stdout)).toEqual(expected);
    expect(files).toEqual([]);
    expect(stdout).toContain("[--group] [g'; touch pwned4; echo ']");
    expect(stdout).toContain('[--consumer-property] [group.instance.id=$(touch pwned5)]');
  });
});
