/**
 * Predict-then-run question templates: each `generate(seed)` picks a scenario variant and a moment,
 * runs the engine and asks what happens next; every number in a question comes from the run.
 */
import type { PredictTemplate } from '../types';
import { checkpointingTemplates } from './checkpointing';
import { dbmsTemplates } from './dbms';
import { dstreamTemplates } from './dstreams';
import { groupTemplates } from './groups';
import { kafkaLogTemplates } from './kafkaLog';
import { messagingTemplates } from './messaging';
import { outOfOrderTemplates } from './outOfOrder';
import { replicationTemplates } from './replication';
import { statefulTemplates } from './stateful';
import { structuredTemplates } from './structured';
import { tuplesTemplates } from './tuples';
import { watermarkTemplates } from './watermarks';
import { windowTemplates } from './windows';

export { frameScenario } from './frame';

/** Every template, in the order of the topics they belong to. */
export const predictTemplates: readonly PredictTemplate[] = [
  ...dbmsTemplates,
  ...tuplesTemplates,
  ...outOfOrderTemplates,
  ...watermarkTemplates,
  ...windowTemplates,
  ...messagingTemplates,
  ...kafkaLogTemplates,
  ...replicationTemplates,
  ...groupTemplates,
  ...dstreamTemplates,
  ...statefulTemplates,
  ...checkpointingTemplates,
  ...structuredTemplates,
];
