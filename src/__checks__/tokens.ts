/**
 * A small TypeScript tokenizer for the architecture checks: enough to find imports and global names
 * in code while skipping comments, string contents, template text and regular expressions. Not a
 * parser: JSX text is read as code, but a stray quote there only spoils its own line.
 */

export interface Token {
  readonly kind: 'name' | 'string' | 'punct' | 'other';
  /** A name or punctuation as written; for a string, its value without the quotes. */
  readonly text: string;
  readonly line: number;
}

/** Names after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_NAMES = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'instanceof',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
  'of',
]);

const isNameStart = (c: string) => /[A-Za-z_$]/.test(c);
const isNamePart = (c: string) => /[A-Za-z0-9_$]/.test(c);

function regexMayStart(prev: Token | undefined): boolean {
  if (!prev) return true;
  if (prev.kind === 'name') return REGEX_AFTER_NAMES.has(prev.text);
  if (prev.kind === 'punct') return !(prev.text === ')' || prev.text === ']' || prev.text === '}');
  return false;
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  // Each `{` in code pushes 'code'; each `${` in a template pushes 'template', so the `}` that
  // closes it resumes the template's text.
  const braces: ('code' | 'template')[] = [];
  let i = 0;
  let line = 1;

  /** Skips template text from `i` to its closing backtick or to the next `${`. */
  const templateText = () => {
    while (i < source.length) {
      const c = source[i]!;
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        braces.push('template');
        i += 2;
        return;
      } else {
        if (c === '\n') line++;
        i++;
      }
    }
  };

  /** Reads up to an unescaped `end`, stopping at a line break (an unterminated string or a stray quote in JSX text). */
  const until = (end: string, inClass = false): string => {
    const start = i;
    let cls = false;
    while (i < source.length && source[i] !== '\n') {
      const c = source[i]!;
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (inClass && (c === '[' || c === ']')) cls = c === '[';
      else if (c === end && !cls) return source.slice(start, i++);
      i++;
    }
    return source.slice(start, i);
  };

  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++;
      i = stop;
    } else if (c === "'" || c === '"') {
      i++;
      tokens.push({ kind: 'string', text: until(c), line });
    } else if (c === '`') {
      tokens.push({ kind: 'other', text: '`', line });
      i++;
      templateText();
    } else if (c === '}' && braces.at(-1) === 'template') {
      braces.pop();
      i++;
      templateText();
    } else if (c === '/' && regexMayStart(tokens.at(-1))) {
      i++;
      until('/', true);
      while (i < source.length && isNamePart(source[i]!)) i++;
      tokens.push({ kind: 'other', text: '/regex/', line });
    } else if (isNameStart(c)) {
      const start = i;
      while (i < source.length && isNamePart(source[i]!)) i++;
      tokens.push({ kind: 'name', text: source.slice(start, i), line });
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < source.length && /[0-9A-Za-z_.]/.test(source[i]!)) i++;
      tokens.push({ kind: 'other', text: source.slice(start, i), line });
    } else {
      if (c === '{') braces.push('code');
      else if (c === '}') braces.pop();
      tokens.push({ kind: 'punct', text: c, line });
      i++;
    }
  }
  return tokens;
}
