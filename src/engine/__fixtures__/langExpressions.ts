/** Random well-typed expressions of the user-function language, each with a reference evaluation. */
import fc from 'fast-check';

/** A generated expression: its source text and a reference evaluation written independently. */
export interface Gen<T> {
  readonly src: string;
  /** Throws 'error' where the language must raise a LangError. */
  readonly eval: (x: bigint, s: string) => T;
}

const MAX = 2n ** 53n;

const longLit = fc
  .integer({ min: -50, max: 50 })
  .map((n): Gen<bigint> => ({ src: `${n}`, eval: () => BigInt(n) }));
const strLit = fc
  .stringMatching(/^[a-c ,]{0,4}$/)
  .map((t): Gen<string> => ({ src: JSON.stringify(t), eval: () => t }));

export const { long, bool, str } = fc.letrec<{ long: Gen<bigint>; bool: Gen<boolean>; str: Gen<string> }>(
  (tie) => {
    const L_ = tie('long') as fc.Arbitrary<Gen<bigint>>;
    const B = tie('bool') as fc.Arbitrary<Gen<boolean>>;
    const S = tie('str') as fc.Arbitrary<Gen<string>>;
    const arith = (op: '+' | '-' | '*' | '/' | '%') =>
      fc.tuple(L_, L_).map(
        ([a, b]): Gen<bigint> => ({
          src: `(${a.src} ${op} ${b.src})`,
          eval: (x, s) => {
            const p = a.eval(x, s);
            const q = b.eval(x, s);
            if ((op === '/' || op === '%') && q === 0n) throw new Error('error');
            // BigInt division truncates toward zero, as the JVM's Long division does.
            const v =
              op === '+' ? p + q : op === '-' ? p - q : op === '*' ? p * q : op === '/' ? p / q : p % q;
            if (v >= MAX || v <= -MAX) throw new Error('error');
            return v;
          },
        }),
      );
    return {
      long: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        longLit,
        fc.constant<Gen<bigint>>({ src: 'x', eval: (x) => x }),
        arith('+'),
        arith('-'),
        arith('*'),
        arith('/'),
        arith('%'),
        S.map((a): Gen<bigint> => ({ src: `${a.src}.length`, eval: (x, s) => BigInt(a.eval(x, s).length) })),
        // A block binding a value, used twice (a line break ends the first statement, as in Scala).
        fc.tuple(L_, L_).map(
          ([a, b]): Gen<bigint> => ({
            src: `{ val v1 = ${a.src}\n v1 - ${b.src} }`,
            eval: (x, s) => {
              const v = a.eval(x, s) - b.eval(x, s);
              if (v >= MAX || v <= -MAX) throw new Error('error');
              return v;
            },
          }),
        ),
        // Seq(…).sum: partial sums stay within ±2^53.
        fc.array(L_, { minLength: 0, maxLength: 3 }).map(
          (items): Gen<bigint> => ({
            src: `Seq(${items.map((i) => i.src).join(', ')}).sum`,
            eval: (x, s) => {
              let total = 0n;
              for (const i of items) {
                total += i.eval(x, s);
                if (total >= MAX || total <= -MAX) throw new Error('error');
              }
              return total;
            },
          }),
        ),
        fc.tuple(B, L_, L_).map(
          ([c, a, b]): Gen<bigint> => ({
            src: `(${c.src} ? ${a.src} : ${b.src})`,
            eval: (x, s) => (c.eval(x, s) ? a.eval(x, s) : b.eval(x, s)),
          }),
        ),
      ),
      bool: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.boolean().map((v): Gen<boolean> => ({ src: String(v), eval: () => v })),
        fc.tuple(L_, L_, fc.constantFrom('<', '<=', '>', '>=', '==', '!=')).map(
          ([a, b, op]): Gen<boolean> => ({
            src: `(${a.src} ${op} ${b.src})`,
            eval: (x, s) => {
              const p = a.eval(x, s);
              const q = b.eval(x, s);
              return op === '<'
                ? p < q
                : op === '<='
                  ? p <= q
                  : op === '>'
                    ? p > q
                    : op === '>='
                      ? p >= q
                      : op === '=='
                        ? p === q
                        : p !== q;
            },
          }),
        ),
        fc.tuple(B, B, fc.constantFrom('&&', '||')).map(
          ([a, b, op]): Gen<boolean> => ({
            src: `(${a.src} ${op} ${b.src})`,
            eval: (x, s) => (op === '&&' ? a.eval(x, s) && b.eval(x, s) : a.eval(x, s) || b.eval(x, s)),
          }),
        ),
        B.map((a): Gen<boolean> => ({ src: `!${a.src}`, eval: (x, s) => !a.eval(x, s) })),
        fc.tuple(S, S).map(
          ([a, b]): Gen<boolean> => ({
            src: `${a.src}.contains(${b.src})`,
            eval: (x, s) => a.eval(x, s).includes(b.eval(x, s)),
          }),
        ),
      ),
      str: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        strLit,
        fc.constant<Gen<string>>({ src: 's', eval: (_x, s) => s }),
        fc.tuple(S, S).map(
          ([a, b]): Gen<string> => ({
            src: `(${a.src} + ${b.src})`,
            eval: (x, s) => a.eval(x, s) + b.eval(x, s),
          }),
        ),
        fc.tuple(S, L_).map(
          ([a, b]): Gen<string> => ({
            src: `(${a.src} + ${b.src})`,
            eval: (x, s) => a.eval(x, s) + String(b.eval(x, s)),
          }),
        ),
        S.map(
          (a): Gen<string> => ({ src: `${a.src}.toUpperCase`, eval: (x, s) => a.eval(x, s).toUpperCase() }),
        ),
      ),
    };
  },
);
