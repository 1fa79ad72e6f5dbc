import { defaultPreset, findPreset } from '../scenarios/presets';
import { clip } from './customScenario';
import { packedNow, packText, UnpackError, unpackText } from './linkCodec';
import {
  formatLink,
  type LinkState,
  LONG_LIMITS,
  LONG_PARAMS,
  type LongParam,
  MAX_LINK_SCENARIO_CHARS,
  type UnpackedParams,
} from './url';

/**
 * A frame's link as the address bar holds it: the short parameters in the query, the long ones packed
 * (linkCodec.ts) in the hash after the page: `?scenario=…&seed=…&t=…#/lessons/x/2?scn=…&app=…`.
 */
export interface PackedLink {
  /** The query: `?scenario=…&seed=…&t=…` and the other short parameters. */
  readonly search: string;
  /** The long parameters, packed (`scn=…&app=…`), or '': they follow the page in the hash. */
  readonly params: string;
  /** The custom scenario is too large for a link: this link opens its preset at the start instead. */
  readonly tooLarge: boolean;
}

type Packed = Partial<Record<LongParam, string>>;

/** The link packed at once, when every long part of it was packed before; otherwise undefined. */
export function packLinkNow(state: LinkState): PackedLink | undefined {
  const packed: Packed = {};
  for (const name of LONG_PARAMS) {
    const text = state[name];
    if (!text) continue;
    const data = packedNow(text);
    if (data === undefined) return undefined;
    packed[name] = data;
  }
  return assemble(state, packed);
}

/** The link, its long parts packed. Never rejects. */
export async function packLink(state: LinkState): Promise<PackedLink> {
  const packed: Packed = {};
  await Promise.all(
    LONG_PARAMS.map(async (name) => {
      const text = state[name];
      if (text) packed[name] = await packText(text);
    }),
  );
  return assemble(state, packed);
}

function assemble(state: LinkState, packed: Packed): PackedLink {
  if (packed.scn !== undefined && packed.scn.length > MAX_LINK_SCENARIO_CHARS) {
    // Too large to share: the link opens the preset the scenario came from, at its start.
    const preset = findPreset(state.scenario) ?? defaultPreset;
    const search = formatLink({
      ...NO_FRAME,
      scenario: preset.id,
      seed: preset.scenario.seed,
      sql: state.sql ?? null,
    });
    return { search, params: '', tooLarge: true };
  }
  const search = formatLink({ ...state, scn: null, app: null, et: null, q: null });
  const params = new URLSearchParams();
  for (const name of LONG_PARAMS) {
    const data = packed[name];
    if (data !== undefined) params.set(name, data);
  }
  return { search, params: params.toString(), tooLarge: false };
}

/**
 * The long parameters in a hash's `?…` part, unpacked. Each one that cannot be used (too long, not
 * packed text) gives a sentence that names it and is left out; the others are kept. Never rejects.
 */
export async function unpackParams(params: string): Promise<UnpackedParams> {
  if (params === '') return { texts: {}, problems: [] };
  const found = new URLSearchParams(params);
  const texts: Partial<Record<LongParam, string>> = {};
  const perParam = await Promise.all(
    LONG_PARAMS.map(async (name): Promise<string | null> => {
      const data = found.get(name);
      if (data === null) return null;
      const { what, packed, text, instead } = LONG_LIMITS[name];
      if (data.length > packed)
        return `The link's ${what} is too long (${data.length} packed characters; at most ${packed}); ${instead}.`;
      try {
        texts[name] = await unpackText(data, text);
        return null;
      } catch (error) {
        const why = error instanceof UnpackError ? error.message : 'could not be unpacked';
        return `The link's ${what} ${why}; ${instead}.`;
      }
    }),
  );
  const problems = perParam.filter((p): p is string => p !== null);
  const unknown = [...new Set(found.keys())].filter((k) => !(LONG_PARAMS as readonly string[]).includes(k));
  if (unknown.length > 0)
    problems.push(
      `The link's page part has parameters Streamscope does not know (${unknown.map((k) => `"${clip(k, 40)}"`).join(', ')}); they are left out.`,
    );
  return { texts, problems };
}

const NO_FRAME: LinkState = {
  scenario: defaultPreset.id,
  seed: defaultPreset.scenario.seed,
  timeMs: 0,
  tuple: null,
  faults: [],
  compare: null,
  app: null,
  rate: null,
  et: null,
  scn: null,
};
