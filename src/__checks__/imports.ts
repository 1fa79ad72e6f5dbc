/** The module specifiers a TypeScript file imports, and whether each one loads code at run time. */
import { type Token, tokenize } from './tokens';

export interface ImportRef {
  readonly specifier: string;
  readonly line: number;
  /** `import … from`, `export … from`, `import '…'` (side effect) or `import('…')` (lazy). */
  readonly form: 'import' | 'reexport' | 'sideEffect' | 'lazy';
  /** Erased by the compiler: `import type`, `export type`, or every named specifier marked `type`. */
  readonly typeOnly: boolean;
}

const isPunct = (t: Token | undefined, text: string) => t?.kind === 'punct' && t.text === text;
const isName = (t: Token | undefined, text: string) => t?.kind === 'name' && t.text === text;

/**
 * The clause between `import`/`export` and `from`: type-only when it starts with the `type` modifier
 * or is a brace list whose every specifier starts with `type`. A default or namespace binding, or an
 * empty brace list, loads the module.
 */
function clauseIsTypeOnly(clause: readonly Token[]): boolean {
  const [first, second] = clause;
  if (isName(first, 'type') && !isPunct(second, ',') && !isName(second, 'from') && second !== undefined)
    return true;
  if (!isPunct(first, '{')) return false;
  const specifiers: Token[][] = [[]];
  for (const t of clause.slice(1)) {
    if (isPunct(t, '}')) break;
    if (isPunct(t, ',')) specifiers.push([]);
    else specifiers.at(-1)!.push(t);
  }
  const named = specifiers.filter((s) => s.length > 0);
  return named.length > 0 && named.every((s) => isName(s[0], 'type') && s.length > 1);
}

/** Reads `… from '…'` starting at `start`; stops at `;`, at a string or at the next import or export. */
function clauseThenFrom(tokens: readonly Token[], start: number) {
  for (let k = start; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (isPunct(t, ';') || isName(t, 'import') || isName(t, 'export')) return undefined;
    const next = tokens[k + 1];
    if (isName(t, 'from') && next?.kind === 'string' && k > start)
      return { clause: tokens.slice(start, k), specifier: next.text };
    if (t.kind === 'string') return undefined;
  }
  return undefined;
}

export function importsOf(source: string): ImportRef[] {
  const tokens = tokenize(source);
  const refs: ImportRef[] = [];
  tokens.forEach((t, k) => {
    if (t.kind !== 'name' || isPunct(tokens[k - 1], '.')) return;
    const next = tokens[k + 1];
    if (t.text === 'import') {
      if (isPunct(next, '(')) {
        const arg = tokens[k + 2];
        if (arg?.kind === 'string')
          refs.push({ specifier: arg.text, line: t.line, form: 'lazy', typeOnly: false });
      } else if (next?.kind === 'string') {
        refs.push({ specifier: next.text, line: t.line, form: 'sideEffect', typeOnly: false });
      } else if (!isPunct(next, '.')) {
        const found = clauseThenFrom(tokens, k + 1);
        if (found)
          refs.push({
            specifier: found.specifier,
            line: t.line,
            form: 'import',
            typeOnly: clauseIsTypeOnly(found.clause),
          });
      }
    } else if (t.text === 'export' && (isPunct(next, '{') || isPunct(next, '*') || isName(next, 'type'))) {
      const found = clauseThenFrom(tokens, k + 1);
      if (found)
        refs.push({
          specifier: found.specifier,
          line: t.line,
          form: 'reexport',
          typeOnly: clauseIsTypeOnly(found.clause),
        });
    }
  });
  return refs;
}
