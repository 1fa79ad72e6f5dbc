/** The line under a lane's name: its payload kind and rate. */
import type { Lane } from './layout';

const kindNames = { structured: 'rows', semiStructured: 'JSON', unstructured: 'text' } as const;

export function laneMeta(lane: Lane): string {
  return lane.kind === 'explicit'
    ? 'explicit tuples'
    : `${kindNames[lane.kind]} · ${formatRate(lane.ratePerSec)}/s`;
}

function formatRate(rate: number): string {
  return Number.isInteger(rate) ? String(rate) : rate.toFixed(1);
}
