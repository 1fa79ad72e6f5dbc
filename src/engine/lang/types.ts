/**
 * Types of the user-function language. They follow Scala's, simplified where the simulator
 * simplifies: whole numbers are Long (Scala's Int literals widen to Long here), fractions Double.
 */
import { LangError } from './syntax';

export type LType =
  | { readonly t: 'long' }
  | { readonly t: 'double' }
  | { readonly t: 'string' }
  | { readonly t: 'boolean' }
  | { readonly t: 'unit' }
  | { readonly t: 'tuple'; readonly items: readonly LType[] }
  /** `of` null: the element type is not known yet (None). */
  | { readonly t: 'option'; readonly of: LType | null }
  | { readonly t: 'list'; readonly of: LType | null }
  /** mapWithState's State[S]. */
  | { readonly t: 'state'; readonly of: LType }
  /** A Kafka ConsumerRecord[String, Double] (or a producer's tuple): `key` and `value`. */
  | { readonly t: 'record' }
  /** Structured Streaming's GroupState[S] (flatMapGroupsWithState). */
  | { readonly t: 'groupState'; readonly of: LType };

export const L = {
  long: { t: 'long' } as LType,
  double: { t: 'double' } as LType,
  string: { t: 'string' } as LType,
  boolean: { t: 'boolean' } as LType,
  unit: { t: 'unit' } as LType,
  tuple: (...items: LType[]): LType => ({ t: 'tuple', items }),
  option: (of: LType | null): LType => ({ t: 'option', of }),
  list: (of: LType | null): LType => ({ t: 'list', of }),
  state: (of: LType): LType => ({ t: 'state', of }),
  record: { t: 'record' } as LType,
  groupState: (of: LType): LType => ({ t: 'groupState', of }),
};

/**
 * A type as Scala writes it (`Long`, `(Long, String)`, `Option[Double]`, `Seq[Long]`), for a
 * stateful operation's state type; Int widens to Long, as everywhere in the language.
 */
export function parseTypeName(text: string): LType {
  let i = 0;
  const src = text.trim();
  const fail = (why: string): never => {
    throw new LangError(
      `“${src}” is not a type the simulator knows: ${why}. Use Long, Double, String, Boolean, a tuple such as (Long, Long), Option[…] or Seq[…].`,
    );
  };
  const space = () => {
    while (src[i] === ' ') i++;
  };
  const one = (): LType => {
    space();
    if (src[i] === '(') {
      i++;
      const items: LType[] = [one()];
      space();
      while (src[i] === ',') {
        i++;
        items.push(one());
        space();
      }
      if (src[i] !== ')') fail(`a “)” is missing at character ${i + 1}`);
      i++;
      if (items.length === 1) return items[0]!;
      if (items.length > 22) fail('Scala tuples have at most 22 items');
      return L.tuple(...items);
    }
    const m = /^[A-Za-z]+/.exec(src.slice(i));
    if (!m) fail(`a type name is missing at character ${i + 1}`);
    const name = m![0];
    i += name.length;
    const simple: Record<string, LType> = {
      Long: L.long,
      Int: L.long,
      Double: L.double,
      String: L.string,
      Boolean: L.boolean,
    };
    if (name in simple) return simple[name]!;
    if (name === 'Option' || name === 'Seq' || name === 'List') {
      space();
      if (src[i] !== '[') fail(`${name} needs its item type in brackets, as ${name}[Long]`);
      i++;
      const of = one();
      space();
      if (src[i] !== ']') fail(`a “]” is missing at character ${i + 1}`);
      i++;
      return name === 'Option' ? L.option(of) : L.list(of);
    }
    return fail(`no type is called ${name}`);
  };
  const t = one();
  space();
  if (i < src.length) fail(`“${src.slice(i)}” is left over`);
  return t;
}

export const isNumber = (a: LType): boolean => a.t === 'long' || a.t === 'double';

/** The type as Scala writes it. */
export function scalaTypeName(a: LType | null): string {
  if (a === null) return 'Nothing';
  switch (a.t) {
    case 'long':
      return 'Long';
    case 'double':
      return 'Double';
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'unit':
      return 'Unit';
    case 'tuple':
      return `(${a.items.map(scalaTypeName).join(', ')})`;
    case 'option':
      return `Option[${scalaTypeName(a.of)}]`;
    case 'list':
      return `Seq[${scalaTypeName(a.of)}]`;
    case 'state':
      return `State[${scalaTypeName(a.of)}]`;
    case 'record':
      return 'ConsumerRecord[String, Double]';
    case 'groupState':
      return `GroupState[${scalaTypeName(a.of)}]`;
  }
}

/**
 * The type both branches of a conditional (or a value and its default) share, as Scala infers
 * it: equal types, Long widened to Double, None joined with any option; null where none exists.
 */
export function join(a: LType, b: LType): LType | null {
  if (a.t === 'long' && b.t === 'double') return b;
  if (a.t === 'double' && b.t === 'long') return a;
  if ((a.t === 'option' && b.t === 'option') || (a.t === 'list' && b.t === 'list')) {
    if (a.of === null) return b;
    if (b.of === null) return a;
    const of = join(a.of, b.of);
    return of && { t: a.t, of };
  }
  if (a.t === 'tuple' && b.t === 'tuple') {
    if (a.items.length !== b.items.length) return null;
    const items: LType[] = [];
    for (let i = 0; i < a.items.length; i++) {
      const j = join(a.items[i]!, b.items[i]!);
      if (!j) return null;
      items.push(j);
    }
    return { t: 'tuple', items };
  }
  if ((a.t === 'state' && b.t === 'state') || (a.t === 'groupState' && b.t === 'groupState'))
    return sameLType(a.of, b.of) ? a : null;
  return a.t === b.t ? a : null;
}

/** Whether a value of type `actual` may stand where `expected` is wanted (Long → Double widens). */
export function fits(actual: LType, expected: LType): boolean {
  const j = join(actual, expected);
  return j !== null && sameLType(j, expected);
}

export function sameLType(a: LType | null, b: LType | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.t !== b.t) return false;
  if (a.t === 'tuple' && b.t === 'tuple')
    return a.items.length === b.items.length && a.items.every((x, i) => sameLType(x, b.items[i]!));
  if (
    (a.t === 'option' || a.t === 'list' || a.t === 'state' || a.t === 'groupState') &&
    (b.t === 'option' || b.t === 'list' || b.t === 'state' || b.t === 'groupState')
  )
    return sameLType(a.of, b.of);
  return true;
}
