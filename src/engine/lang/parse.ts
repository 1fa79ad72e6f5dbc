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

jsep.plugins.register(jsepArrow, jsepTernary);

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
const RESERVED = new Set(['Some', 'None', 'true', 'false', 'if', 'else', 'this', 'new', 'null', 'undefined']);

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
    tree = jsep(source) as unknown as JsepNode;
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
        const name = String(p.name);
        if (RESERVED.has(name))
          return reject(source, name, `“${name}” is reserved and cannot name a parameter.`);
        return name;
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
    case 'ArrayExpression':
      return reject(
        source,
        '[',
        'List literals [ … ] are not part of the language; lists come from split or from the values of a key.',
      );
    case 'ThisExpression':
      return reject(source, 'this', '“this” is not part of the language.');
    default:
      throw new LangError(`“${node.type}” is not part of the language.`);
  }
}

export { show };
