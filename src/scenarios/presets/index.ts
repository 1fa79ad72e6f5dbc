import type { ScenarioSpec } from '../../engine/types';
import { formatProblems, parseScenario } from '../validate';
import dense from './dense.json';
import directMessaging from './direct-messaging.json';
import dstreamWindows from './dstream-windows.json';
import kafkaFailover from './kafka-failover.json';
import kafkaMinIsr from './kafka-min-isr.json';
import kafkaRf3 from './kafka-rf3.json';
import kafkaStructuredStreaming from './kafka-structured-streaming.json';
import offlineBackfill from './offline-backfill.json';
import queueBroker from './queue-broker.json';
import receiverWordcount from './receiver-wordcount.json';
import skewedKeys from './skewed-keys.json';
import slideExample from './slide-example.json';
import sparkFallingBehind from './spark-falling-behind.json';
import statefulStreams from './stateful-streams.json';
import threeKinds from './three-kinds.json';
import watermarks from './watermarks.json';

export interface Preset {
  readonly id: string;
  readonly scenario: ScenarioSpec;
}

function preset(id: string, json: unknown): Preset {
  const result = parseScenario(json);
  if (!result.ok) throw new Error(`Preset "${id}" is invalid:\n${formatProblems(result.problems)}`);
  return { id, scenario: result.scenario };
}

/** Built-in scenarios, in menu order. The first is the default. */
export const presets: readonly Preset[] = [
  preset('three-kinds', threeKinds),
  // The scenario that tells the whole course: producers → Kafka → a Structured Streaming query.
  preset('kafka-structured-streaming', kafkaStructuredStreaming),
  preset('slide-example', slideExample),
  preset('offline-backfill', offlineBackfill),
  preset('skewed-keys', skewedKeys),
  preset('direct-messaging', directMessaging),
  preset('queue-broker', queueBroker),
  preset('kafka-failover', kafkaFailover),
  preset('kafka-min-isr', kafkaMinIsr),
  preset('kafka-rf3', kafkaRf3),
  preset('watermarks', watermarks),
  preset('dstream-windows', dstreamWindows),
  preset('spark-falling-behind', sparkFallingBehind),
  preset('receiver-wordcount', receiverWordcount),
  preset('stateful-streams', statefulStreams),
  preset('dense', dense),
];

export const defaultPreset = presets[0] as Preset;

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}
