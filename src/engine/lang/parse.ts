/**
 * Parsing user functions: jsep (a small, maintained expression parser) with its arrow-function
 * and ternary plugins reads the text; every node it returns is then mapped onto the language's
 * own tree (syntax.ts), and any node the language does not define is rejected with an error that
 * quotes it. Nothing is ever evaluated by JavaScript: no eval, no Function, no property lookup.
 */
import jsepArrow from '@jsep-plugin/arrow';
import jsepTernary from '@jsep-plugin/ternary';
import jsep from 'jsep';
import { type BinaryOp, type Expr, LangError, show } from './syntax';

/**
 * Blocks, as Scala writes them: `{ val s = …; state.update(s); (key, s) }`. Statements are
 * separated by `;` (parseExpr turns the line breaks that end a statement into `;` first).
 */
const jsepBlock = {
  name: 'block',
  init(j: typeof jsep) {
    j.hooks.add('gobble-token', function gobbleBlock(this: BlockParser, env: { node?: unknown }) {
      const at = (): number => this.code;
      if (at() !== 123) return; // {
      this.index++;
      const body: unknown[] = [];
      for (;;) {
        this.gobbleSpaces();
        if (this.index >= this.expr.length) this.throwError('a “}” is missing');
        if (at() === 125) {
          this.index++;
          break;
        }
        if (at() === 59) {
          this.index++;
          continue;
        }
        const val = /^val\s+([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(this.expr.slice(this.index));
        if (val) {
          this.index += val[0].length;
          const value = this.gobbleExpression();
          if (!value) this.throwError(`a value is missing after “val ${val[1]} =”`);
          body.push({ type: 'ValDefinition', name: val[1], value });
          continue;
        }
        const e = this.gobbleExpression();
        if (!e) this.throwError(`unexpected “${this.expr.charAt(this.index)}”`);
        body.push(e);
        this.gobbleSpaces();
        if (at() !== 59 && at() !== 125)
          this.throwError('statements of a block are separated by “;” or a new line');
      }
      env.node = { type: 'BlockStatement', body };
    });
  },
};

interface BlockParser {
  index: number;
  readonly expr: string;
  readonly code: number;
  gobbleSpaces(): void;
  gobbleExpression(): unknown;
  throwError(message: string): never;
}

jsep.plugins.register(
  jsepArrow,
  jsepTernary,
  jsepBlock as unknown as Parameters<typeof jsep.plugins.register>[0],
);

/**
 * Scala's semicolon inference, for blocks: a line break directly inside `{ … }` ends a statement,
 * unless the line ends with an operator, `=`, `,` or `{`, or the next line starts with `.`, an
 * operator, `)` or `}` — then the expression goes on. Text inside strings is left alone.
 */
export function separateStatements(source: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let quote: string | null = null;
  const continues = /[-+*/%=<>!&|?:,.({[]$/;
  const startsOn = /^[-+*/%=<>!&|?:.)\]}]/;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      out.push(c);
      if (c === '\\') {
        out.push(source[i + 1] ?? '');
        i++;
      } else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') open.push(c);
    else if (c === ')' || c === ']' || c === '}') open.pop();
    if (c === '\n' && open.at(-1) === '{') {
      const before = out.join('').trimEnd();
      const after = source.slice(i + 1).trimStart();
      if (!continues.test(before) && !startsOn.test(after) && !/;$/.test(before)) {
        out.push(';');
        continue;
      }
    }
    out.push(c);
  }
  return out.join('');
}

/** Longest text a user function may have: a lambda, not a program. */
export const MAX_SOURCE_LENGTH = 2000;

const BINARY: Readonly<Record<string, BinaryOp>> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '%': '%',
  '==': '==',
  '===': '==',
  '!=': '!=',
  '!==': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '&&': '&&',
  '||': '||',
};

/** Names the language keeps for itself; a parameter may not take them. */
const RESERVED = new Set([
  'Some',
  'None',
  'Seq',
  'List',
  'true',
  'false',
  'if',
  'else',
  'this',
  'new',
  'null',
  'undefined',
]);

interface JsepNode {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** Parses one expression of the language, or throws a LangError saying what is wrong and where. */
export function parseExpr(source: string): Expr {
  if (source.length > MAX_SOURCE_LENGTH)
    throw new LangError(
      `A function may be at most ${MAX_SOURCE_LENGTH} characters long; this one has ${source.length}.`,
    );
  if (source.trim() === '') throw new LangError('The function is empty: write a lambda such as x => x * 2.');
  let tree: JsepNode;
  try {
    tree = jsep(separateStatements(source)) as unknown as JsepNode;
  } catch (error) {
    const e = error as { description?: string; index?: number; message?: string };
    const index = typeof e.index === 'number' ? e.index : undefined;
    const near = index === undefined ? '' : source.slice(index, index + 12);
    throw new LangError(
      `Syntax error${index === undefined ? '' : ` at character ${index + 1}`}: ${e.description ?? e.message ?? 'cannot read this'}${near ? ` (near “${near}”)` : ''}.`,
      near || undefined,
      index,
    );
  }
  return convert(tree, source);
}

function checkName(name: string, source: string): string {
  if (RESERVED.has(name)) return reject(source, name, `“${name}” is reserved and cannot name a value.`);
  return name;
}

function reject(source: string, fragment: string, message: string): never {
  const index = source.indexOf(fragment);
  throw new LangError(`${message}`, fragment, index >= 0 ? index : undefined);
}

function convert(node: JsepNode, source: string): Expr {
  switch (node.type) {
    case 'Literal': {
      const value = node.value;
      const raw = String(node.raw);
      if (typeof value === 'number') return { k: 'number', value, integral: /^\d+$/.test(raw), raw };
      if (typeof value === 'string') return { k: 'string', value };
      if (typeof value === 'boolean') return { k: 'boolean', value };
      return reject(source, raw, `“${raw}” is not a value of the language; use None for a missing value.`);
    }
    case 'Identifier': {
      const name = String(node.name);
      if (name === 'None') return { k: 'none' };
      if (name === 'if' || name === 'else')
        return reject(
          source,
          name,
          'Write a conditional as cond ? a : b; “if … else …” is not part of the language.',
        );
      return { k: 'name', name };
    }
    case 'SequenceExpression': {
      const items = (node.expressions as JsepNode[]).map((n) => convert(n, source));
      if (items.length > 22) return reject(source, '(', 'A tuple has at most 22 items, as in Scala.');
      return { k: 'tuple', items };
    }
    case 'ArrowFunctionExpression': {
      const params = ((node.params as JsepNode[] | null) ?? []).map((p) => {
        if (p.type !== 'Identifier')
          return reject(source, '=>', 'A lambda’s parameters are plain names, as in (k, v) => … .');
        return checkName(String(p.name), source);
      });
      if (new Set(params).size !== params.length)
        return reject(source, '=>', 'Two parameters of one lambda have the same name.');
      return { k: 'lambda', params, body: convert(node.body as JsepNode, source) };
    }
    case 'CallExpression': {
      const callee = node.callee as JsepNode;
      const args = (node.arguments as JsepNode[]).map((n) => convert(n, source));
      if (callee.type === 'Identifier' && callee.name === 'Some') {
        if (args.length !== 1) return reject(source, 'Some', 'Some takes exactly one value: Some(x).');
        return { k: 'some', value: args[0]! };
      }
      if (callee.type === 'Identifier' && (callee.name === 'Seq' || callee.name === 'List')) {
        if (args.length > 10_000)
          return reject(source, String(callee.name), 'A Seq literal has at most 10,000 items.');
        return { k: 'seq', items: args };
      }
      if (callee.type === 'MemberExpression' && !callee.computed) {
        const target = convert(callee.object as JsepNode, source);
        return { k: 'member', target, name: String((callee.property as JsepNode).name), args };
      }
      const name = callee.type === 'Identifier' ? String(callee.name) : 'this call';
      return reject(
        source,
        name,
        `“${name}(…)” is not a function of the language: call methods on values (xs.sum, s.split(" ")) or build an option with Some(x).`,
      );
    }
    case 'MemberExpression': {
      if (node.computed)
        return reject(
          source,
          '[',
          'Indexing with [ ] is not part of the language: a tuple’s items are t._1, t._2, … .',
        );
      return {
        k: 'member',
        target: convert(node.object as JsepNode, source),
        name: String((node.property as JsepNode).name),
        args: null,
      };
    }
    case 'BinaryExpression': {
      const op = BINARY[String(node.operator)];
      if (!op)
        return reject(
          source,
          String(node.operator),
          `The operator “${String(node.operator)}” is not part of the language.`,
        );
      return {
        k: 'binary',
        op,
        left: convert(node.left as JsepNode, source),
        right: convert(node.right as JsepNode, source),
      };
    }
    case 'UnaryExpression': {
      const op = String(node.operator);
      if (op !== '!' && op !== '-')
        return reject(
          source,
          op,
          `The operator “${op}” is not part of the language; only ! and - go before a value.`,
        );
      const arg = convert(node.argument as JsepNode, source);
      // A negative literal is a literal (so -1 is a Long, as in Scala).
      if (op === '-' && arg.k === 'number') return { ...arg, value: -arg.value, raw: `-${arg.raw}` };
      return { k: 'unary', op, arg };
    }
    case 'ConditionalExpression':
      return {
        k: 'if',
        test: convert(node.test as JsepNode, source),
        whenTrue: convert(node.consequent as JsepNode, source),
        whenFalse: convert(node.alternate as JsepNode, source),
      };
    case 'Compound': {
      const body = node.body as JsepNode[];
      if (body.length === 0) throw new LangError('The function is empty: write a lambda such as x => x * 2.');
      const words = body.map((n) => (n.type === 'Identifier' ? String(n.name) : n.type)).join(' ');
      if (/\bif\b|\belse\b/.test(words))
        throw new LangError(
          'Write a conditional as cond ? a : b; “if … else …” is not part of the language.',
          'if',
        );
      throw new LangError(
        'This is several expressions side by side; a function is one expression (separate a tuple’s items with commas inside parentheses).',
      );
    }
    case 'BlockStatement': {
      const body = node.body as JsepNode[];
      if (body.length === 0) return reject(source, '{', 'An empty block { } has no value.');
      const stmts = body.map((n) =>
        n.type === 'ValDefinition'
          ? { name: checkName(String(n.name), source), value: convert(n.value as JsepNode, source) }
          : { name: null, value: convert(n, source) },
      );
      return { k: 'block', stmts };
    }
    case 'ArrayExpression':
      return reject(source, '[', 'List literals [ … ] are not part of the language: write Seq(a, b).');
    case 'ThisExpression':
      return reject(source, 'this', '“this” is not part of the language.');
    default:
      throw new LangError(`“${node.type}” is not part of the language.`);
  }
}

export { show };
