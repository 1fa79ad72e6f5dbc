/**
 * The engine is deterministic: every random draw comes from the run's seeded generator and every time
 * is simulated time. A cheap scan of the code (comments and strings skipped) for what would break
 * that. Biome's `noRestrictedGlobals` in biome.json bans the same globals with scope analysis; this
 * also covers `Math.random`, which Biome cannot single out.
 */
import { tokenize } from './tokens';

const WHY = {
  random: 'draw from the run’s seeded generator (src/engine/rng.ts) so a run can be replayed',
  clock: 'the engine works in simulated time only (…Ms fields); wall-clock time breaks replay',
  timer: 'the engine never schedules work itself; playback (src/machines) drives it',
  dom: 'the engine knows nothing of the page; only ui and viz touch the DOM',
};

/** Globals used as objects (`window.x`, `performance.now()`), functions, or anywhere. */
const MEMBER_GLOBALS: ReadonlyMap<string, string> = new Map([
  ['window', WHY.dom],
  ['document', WHY.dom],
  ['performance', WHY.clock],
]);
const ANY_USE_GLOBALS: ReadonlyMap<string, string> = new Map([
  ['Date', WHY.clock],
  ['setTimeout', WHY.timer],
  ['setInterval', WHY.timer],
  ['requestAnimationFrame', WHY.timer],
]);

/**
 * Uses of `Math.random`, `Date`, `performance`, timers, `window` and `document` in one engine file.
 * A name right after `.` is a property (`spec.window`), and one right before `:` a key or a
 * parameter's type (`window: WindowSpec`), so neither counts. `Math.random` is looked for in tests
 * too (`mathRandomOnly`): there the others may be local names that only Biome can tell apart.
 */
export function engineGlobalUses(path: string, source: string, mathRandomOnly = false): string[] {
  const tokens = tokenize(source);
  const uses: string[] = [];
  tokens.forEach((t, k) => {
    if (t.kind !== 'name') return;
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    if (before?.kind === 'punct' && before.text === '.') return;
    const at = `${path}:${t.line}`;
    if (t.text === 'Math' && after?.text === '.' && tokens[k + 2]?.text === 'random')
      uses.push(`${at} uses Math.random: ${WHY.random}.`);
    if (mathRandomOnly || (after?.kind === 'punct' && after.text === ':')) return;
    const member = MEMBER_GLOBALS.get(t.text);
    if (member && after?.kind === 'punct' && (after.text === '.' || after.text === '['))
      uses.push(`${at} uses ${t.text}: ${member}.`);
    const any = ANY_USE_GLOBALS.get(t.text);
    if (any) uses.push(`${at} uses ${t.text}: ${any}.`);
  });
  return uses;
}
