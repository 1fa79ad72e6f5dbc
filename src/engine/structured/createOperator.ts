/** The stateful operator a query's spec names, over an empty state store. */
import { aggregationOperator } from './aggregation';
import { dedupeOperator } from './dedupe';
import { groupStateOperator } from './groupState';
import type { StatefulOperator } from './operators';
import type { StatefulOperatorSpec } from './spec';

export function createOperator(spec: StatefulOperatorSpec): StatefulOperator {
  switch (spec.kind) {
    case 'windowAggregation':
      return aggregationOperator(spec);
    case 'dropDuplicates':
      return dedupeOperator();
    case 'flatMapGroupsWithState':
      return groupStateOperator(spec);
  }
}
