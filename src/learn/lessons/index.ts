/**
 * The guided lessons, one per topic and in topic order. Each is content as data: steps with a frame
 * of the simulator to open, the views to point at, and "try it" tasks whose checks read the run.
 */
import type { Lesson } from '../types';
import { checkpointingLesson } from './checkpointing';
import { consumerGroupsLesson } from './consumer-groups';
import { dbmsVsStreamsLesson } from './dbms-vs-streams';
import { dstreamsLesson } from './dstreams';
import { eventTimeLesson } from './event-time';
import { kafkaLogLesson } from './kafka-log';
import { messagingLesson } from './messaging';
import { replicationLesson } from './replication';
import { statefulLesson } from './stateful';
import { structuredStreamingLesson } from './structured-streaming';
import { tuplesLesson } from './tuples';
import { watermarksLesson } from './watermarks';
import { windowsLesson } from './windows';

export const lessons: readonly Lesson[] = [
  dbmsVsStreamsLesson,
  tuplesLesson,
  eventTimeLesson,
  watermarksLesson,
  windowsLesson,
  messagingLesson,
  kafkaLogLesson,
  replicationLesson,
  consumerGroupsLesson,
  dstreamsLesson,
  statefulLesson,
  checkpointingLesson,
  structuredStreamingLesson,
];

const byId = new Map(lessons.map((l) => [l.id, l]));

export function findLesson(id: string): Lesson | undefined {
  return byId.get(id);
}
