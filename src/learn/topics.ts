import type { Topic } from './types';

/** The topics each built-in scenario shows best (for "pause and ask" and related questions). */
export const PRESET_TOPICS: Readonly<Record<string, readonly Topic[]>> = {
  'three-kinds': ['tuples', 'dbms-vs-streams'],
  'slide-example': ['event-time', 'watermarks'],
  'offline-backfill': ['event-time'],
  'skewed-keys': ['kafka-log'],
  'direct-messaging': ['messaging'],
  'queue-broker': ['messaging'],
  'kafka-failover': ['replication', 'consumer-groups'],
  'kafka-min-isr': ['replication'],
  'kafka-rf3': ['replication'],
  watermarks: ['watermarks', 'windows'],
  'dstream-windows': ['dstreams', 'windows'],
  'spark-falling-behind': ['dstreams'],
  'receiver-wordcount': ['dstreams', 'checkpointing'],
  'stateful-streams': ['stateful', 'checkpointing'],
  dense: ['tuples', 'event-time'],
  'kafka-structured-streaming': ['structured-streaming', 'watermarks', 'checkpointing'],
};

export function topicsOfPreset(presetId: string): readonly Topic[] {
  return PRESET_TOPICS[presetId] ?? [];
}
