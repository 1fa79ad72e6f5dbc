import type { ScenarioSpec } from '../../engine';

/**
 * About how tall the pipeline map will be, without laying it out (dagre loads with the map): the
 * room its placeholder keeps, so the views under it do not jump when it arrives.
 */
export function estimatedMapHeight(spec: ScenarioSpec): number {
  const members = (spec.delivery?.groups ?? []).reduce((n, g) => n + g.members.length, 0);
  const rows = Math.max(
    1,
    spec.producers.length,
    spec.delivery?.partitions ?? 0,
    members,
    spec.messaging?.consumers.length ?? 0,
  );
  const compound = spec.delivery || spec.streaming || spec.query ? 60 : 12;
  // A query's sink and checkpoint, or an application's checkpoint directory, sit outside its box.
  const outside = spec.query ? 100 : spec.streaming?.checkpointDir ? 60 : 0;
  // Rows of 42 px nodes 14 px apart, a compound's title, and the legend under the map.
  return rows * 56 + compound + outside + 70;
}
