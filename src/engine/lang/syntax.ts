/**
 * The expression language of user functions (map, filter, reduce, updateStateByKey, mapWithState):
 * the syntax tree the parser builds and the checker types. The language is defined here, not
 * borrowed: a parenthesised list `(a, b)` is a tuple (never JavaScript's comma operator), a
 * conditional is `cond ? a : b`, and anything else JavaScript's grammar allows is rejected.
 */

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

export type Expr =
  | { readonly k: 'number'; readonly value: number; readonly integral: boolean; readonly raw: string }
  | { readonly k: 'string'; readonly value: string }
  | { readonly k: 'boolean'; readonly value: boolean }
  | { readonly k: 'name'; readonly name: string }
  | { readonly k: 'tuple'; readonly items: readonly Expr[] }
  | { readonly k: 'lambda'; readonly params: readonly string[]; readonly body: Expr }
  | { readonly k: 'some'; readonly value: Expr }
  /** `Seq(a, b)` (or `List(…)`): a sequence of the items. */
  | { readonly k: 'seq'; readonly items: readonly Expr[] }
  | { readonly k: 'none' }
  /** `target.name` (args null) or `target.name(args)`. */
  | {
      readonly k: 'member';
      readonly target: Expr;
      readonly name: string;
      readonly args: readonly Expr[] | null;
    }
  | { readonly k: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly k: 'unary'; readonly op: '!' | '-'; readonly arg: Expr }
  | { readonly k: 'if'; readonly test: Expr; readonly whenTrue: Expr; readonly whenFalse: Expr }
  /**
   * A Scala block `{ val s = …; state.update(s); (key, s) }`: statements in order (a `val`
   * binds a name for the rest of the block), its value the last one's.
   */
  | { readonly k: 'block'; readonly stmts: readonly Stmt[] };

/** A statement of a block: `val name = value`, or an expression (name null). */
export interface Stmt {
  readonly name: string | null;
  readonly value: Expr;
}

/**
 * Every problem the language reports: a syntax error, a type error or a run-time error. `at` is
 * the offending fragment as written (or re-printed), `index` its position where it is known.
 */
export class LangError extends Error {
  constructor(
    message: string,
    readonly at?: string,
    readonly index?: number,
  ) {
    super(message);
    this.name = 'LangError';
  }
}

/**
 * The expression as the language prints it (errors quote fragments this way). `custom` may print
 * some nodes its own way (the Scala renderer prints conditionals and State calls as Scala does).
 */
export function show(e: Expr, custom?: (e: Expr, print: (x: Expr) => string) => string | undefined): string {
  const go = (x: Expr) => show(x, custom);
  const operand = (x: Expr) => (x.k === 'binary' || x.k === 'if' || x.k === 'lambda' ? `(${go(x)})` : go(x));
  const own = custom?.(e, go);
  if (own !== undefined) return own;
  switch (e.k) {
    case 'number':
      return e.raw;
    case 'string':
      return JSON.stringify(e.value);
    case 'boolean':
      return String(e.value);
    case 'name':
      return e.name;
    case 'tuple':
      return `(${e.items.map(go).join(', ')})`;
    case 'lambda':
      return `${e.params.length === 1 ? e.params[0] : `(${e.params.join(', ')})`} => ${go(e.body)}`;
    case 'some':
      return `Some(${go(e.value)})`;
    case 'seq':
      return `Seq(${e.items.map(go).join(', ')})`;
    case 'none':
      return 'None';
    case 'member':
      return `${operand(e.target)}.${e.name}${e.args ? `(${e.args.map(go).join(', ')})` : ''}`;
    case 'binary':
      return `${operand(e.left)} ${e.op} ${operand(e.right)}`;
    case 'unary':
      return `${e.op}${operand(e.arg)}`;
    case 'if':
      return `${operand(e.test)} ? ${go(e.whenTrue)} : ${go(e.whenFalse)}`;
    case 'block':
      return `{ ${e.stmts.map((st) => (st.name === null ? go(st.value) : `val ${st.name} = ${go(st.value)}`)).join('; ')} }`;
  }
}
