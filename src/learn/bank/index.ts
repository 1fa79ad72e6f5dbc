/**
 * The hand-written review questions, one file per topic, concatenated in the order of `TOPICS`.
 * Question ids are saved with learner progress: never rename or reuse one.
 */
import type { StaticQuestion } from '../types';
import { checkpointingQuestions } from './checkpointing';
import { consumerGroupsQuestions } from './consumer-groups';
import { dbmsVsStreamsQuestions } from './dbms-vs-streams';
import { dstreamsQuestions } from './dstreams';
import { eventTimeQuestions } from './event-time';
import { eventTimeClockQuestions } from './event-time-clocks';
import { kafkaLogQuestions } from './kafka-log';
import { kafkaLogMoreQuestions } from './kafka-log-more';
import { messagingQuestions } from './messaging';
import { replicationQuestions } from './replication';
import { statefulQuestions } from './stateful';
import { statefulStateApiQuestions } from './stateful-state-api';
import { structuredStreamingQuestions } from './structured-streaming';
import { tuplesQuestions } from './tuples';
import { watermarksQuestions } from './watermarks';
import { watermarkLectureQuestions } from './watermarks-lecture';
import { windowsQuestions } from './windows';

export const staticQuestions: readonly StaticQuestion[] = [
  ...dbmsVsStreamsQuestions,
  ...tuplesQuestions,
  ...eventTimeQuestions,
  ...eventTimeClockQuestions,
  ...watermarksQuestions,
  ...watermarkLectureQuestions,
  ...windowsQuestions,
  ...messagingQuestions,
  ...kafkaLogQuestions,
  ...kafkaLogMoreQuestions,
  ...replicationQuestions,
  ...consumerGroupsQuestions,
  ...dstreamsQuestions,
  ...statefulQuestions,
  ...statefulStateApiQuestions,
  ...checkpointingQuestions,
  ...structuredStreamingQuestions,
];
