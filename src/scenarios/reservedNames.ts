/**
 * Names a DStream operation's id may not take: the generated Scala and Python use the id as a
 * variable, so keywords of either language and the program's own variables are refused. Kept apart
 * from the code generator so that checking a scenario does not load the generator.
 */

/** The Kafka topic every exported program reads. */
export const TOPIC = 'events';

const RESERVED = new Set(
  'abstract case catch class def do else extends false final finally for forSome if implicit import lazy match new null object override package private protected return sealed super this throw trait try true type val var while with yield and as assert async await break continue del elif except from global in is lambda nonlocal not or pass raise None True False ssc sc conf kafkaParams'.split(
    ' ',
  ),
);

export function isReservedName(id: string): boolean {
  return RESERVED.has(id);
}
