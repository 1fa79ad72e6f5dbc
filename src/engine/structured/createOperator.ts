/** The stateful operator a query's spec names, over an empty state store. */

import { isLangError, userLanguage } from '../microbatch/userCode';
import { aggregationOperator } from './aggregation';
import { dedupeOperator } from './dedupe';
import { groupStateOperator } from './groupState';
import type { StatefulOperator } from './operators';
import type { StatefulOperatorSpec } from './spec';

/** Thrown when a query with the learner's function starts before the language has loaded. */
export class LanguageNotLoaded extends Error {}

export function createOperator(spec: StatefulOperatorSpec): StatefulOperator {
  switch (spec.kind) {
    case 'windowAggregation':
      return aggregationOperator(spec);
    case 'dropDuplicates':
      return dedupeOperator();
    case 'flatMapGroupsWithState': {
      if (spec.code === undefined) return groupStateOperator(spec);
      const language = userLanguage();
      if (!language) throw new LanguageNotLoaded('The function language is still loading.');
      return language.userGroupStateOperator(spec);
    }
  }
}

/**
 * The operator, or why the query cannot start: a learner's function that does not type-check
 * (reported as the compiler would), or the language still loading. The query then fails at once;
 * an operator without state stands in so that the query's state stays well-formed.
 */
export function operatorOrError(spec: StatefulOperatorSpec): {
  readonly operator: StatefulOperator;
  readonly error: { readonly errorClass: string; readonly message: string } | null;
} {
  try {
    return { operator: createOperator(spec), error: null };
  } catch (e) {
    const error =
      e instanceof LanguageNotLoaded
        ? { errorClass: 'streamscope.loading', message: e.message }
        : isLangError(e)
          ? { errorClass: 'scalac', message: `error: flatMapGroupsWithState: ${e.message}` }
          : null;
    if (!error) throw e;
    return { operator: dedupeOperator(), error };
  }
}

/** An exception in the learner's function fails its task, the batch and the query. */
export function taskFailure(batchId: number, e: Error) {
  return {
    errorClass: 'org.apache.spark.sql.streaming.StreamingQueryException',
    message: `Job aborted due to stage failure: a task of flatMapGroupsWithState failed in batch ${batchId}: ${e.message}`,
  };
}
