import * as v from 'valibot';
import { producerSchema } from '../../scenarios/schema';
import { useField } from './context';
import { isObject, type Path } from './draft';
import { CheckField, ListField, NumberField, SelectField, TextField } from './fields';

const defaults = v.getDefaults(producerSchema);
const DEFAULT_KEYS = defaults.keys as readonly string[];

const KEY_DISTRIBUTIONS = {
  uniform: { kind: 'uniform' },
  zipf: { kind: 'zipf', exponent: 1 },
  hotKey: { kind: 'hotKey', share: 0.5 },
} as const;
const DELAYS = {
  constant: { kind: 'constant', ms: 0 },
  uniform: { kind: 'uniform', minMs: 0, maxMs: 500 },
  exponential: { kind: 'exponential', meanMs: 100 },
} as const;
const PAYLOADS = {
  structured: { kind: 'structured' },
  semiStructured: { kind: 'semiStructured' },
  unstructured: { kind: 'unstructured' },
} as const;

/** Every setting of one producer, grouped as the README's producer table groups them. */
export function ProducerFields({ path }: { path: Path }) {
  const at = (...rest: (string | number)[]) => [...path, ...rest];
  return (
    <>
      <div className="ed-grid">
        <TextField label="Id" path={at('id')} placeholder="required" hint="Letters, digits, _ - ." />
        <TextField label="Label" path={at('label')} placeholder="the id" />
        <NumberField
          label="Rate (events/s)"
          path={at('ratePerSec')}
          placeholder={String(defaults.ratePerSec)}
          min={0}
        />
        <SelectField
          label="Arrivals"
          path={at('arrivals')}
          fallback={defaults.arrivals}
          options={[
            ['fixed', 'Evenly spaced'],
            ['poisson', 'Poisson'],
          ]}
        />
        <NumberField label="Start (ms)" path={at('startMs')} placeholder="0" min={0} step={1} />
        <NumberField label="Stop (ms)" path={at('stopMs')} placeholder="end of run" min={0} step={1} />
        <NumberField
          label="Drop probability"
          path={at('dropProbability')}
          placeholder="0"
          min={0}
          max={1}
          step={0.01}
        />
        <CheckField label="Records carry the key" path={at('keyed')} fallback={defaults.keyed} />
      </div>
      <h4 className="ed-subhead">Keys and values</h4>
      <div className="ed-grid">
        <Keys path={at('keys')} />
        <KeyDistribution path={at('keyDistribution')} />
        <NumberField label="Value min" path={at('value', 'min')} placeholder={String(defaults.value.min)} />
        <NumberField label="Value max" path={at('value', 'max')} placeholder={String(defaults.value.max)} />
        <NumberField
          label="Decimals"
          path={at('value', 'decimals')}
          placeholder={String(defaults.value.decimals)}
          min={0}
          max={6}
          step={1}
        />
        <Payload path={at('payload')} />
      </div>
      <h4 className="ed-subhead">Network</h4>
      <div className="ed-grid">
        <Delay path={at('delay')} />
        <NumberField
          label="Jitter probability"
          path={at('jitter', 'probability')}
          seed={{ probability: 0, maxMs: 0 }}
          placeholder="0"
          min={0}
          max={1}
          step={0.01}
          hint="Chance a tuple is held back (out of order)."
        />
        <NumberField
          label="Jitter max (ms)"
          path={at('jitter', 'maxMs')}
          seed={{ probability: 0, maxMs: 0 }}
          placeholder="0"
          min={0}
          step={1}
        />
      </div>
      <Offline path={at('offline')} />
    </>
  );
}

function Keys({ path }: { path: Path }) {
  const { value, set } = useField(path);
  const numbered = isObject(value);
  return (
    <>
      <SelectField
        label="Keys"
        path={[...path, '(form)']}
        fallback={numbered ? 'numbered' : 'listed'}
        options={[
          ['listed', 'Listed'],
          ['numbered', 'Numbered'],
        ]}
        onPick={(kind) => {
          if (kind === 'numbered' && !numbered)
            set({ count: Array.isArray(value) ? value.length : 3, prefix: 'key-' });
          if (kind === 'listed' && numbered) set(undefined);
        }}
      />
      {numbered ? (
        <>
          <NumberField
            label="Number of keys"
            path={[...path, 'count']}
            placeholder="required"
            min={1}
            step={1}
          />
          <TextField label="Key prefix" path={[...path, 'prefix']} placeholder="key-" />
        </>
      ) : (
        <ListField
          label="Key list"
          path={path}
          placeholder={DEFAULT_KEYS.join(', ')}
          hint="Separated by commas."
          toItems={(v) => (Array.isArray(v) ? v.map(String) : [])}
          fromItems={(items) => (items.length === 0 ? undefined : items)}
        />
      )}
    </>
  );
}

function KeyDistribution({ path }: { path: Path }) {
  const { value, set } = useField(path);
  const kind = isObject(value) ? value.kind : 'uniform';
  return (
    <>
      <SelectField
        label="Key distribution"
        path={[...path, 'kind']}
        fallback="uniform"
        options={[
          ['uniform', 'Uniform'],
          ['zipf', 'Zipf (skewed)'],
          ['hotKey', 'One hot key'],
        ]}
        onPick={(k) =>
          set(k === 'uniform' ? undefined : KEY_DISTRIBUTIONS[k as keyof typeof KEY_DISTRIBUTIONS])
        }
      />
      {kind === 'zipf' && (
        <NumberField label="Zipf exponent" path={[...path, 'exponent']} min={0.1} max={5} step={0.1} />
      )}
      {kind === 'hotKey' && (
        <>
          <TextField label="Hot key" path={[...path, 'key']} placeholder="the first key" />
          <NumberField label="Hot key share" path={[...path, 'share']} min={0} max={1} step={0.05} />
        </>
      )}
    </>
  );
}

function Payload({ path }: { path: Path }) {
  const { value, set } = useField(path);
  const kind = isObject(value) ? value.kind : 'structured';
  return (
    <>
      <SelectField
        label="Payload"
        path={[...path, 'kind']}
        fallback="structured"
        options={[
          ['structured', 'Structured row'],
          ['semiStructured', 'Semi-structured JSON'],
          ['unstructured', 'Unstructured text'],
        ]}
        onPick={(k) => set(k === 'structured' ? undefined : PAYLOADS[k as keyof typeof PAYLOADS])}
      />
      {kind === 'structured' && (
        <TextField label="Unit" path={[...path, 'unit']} seed={{ kind: 'structured' }} placeholder="none" />
      )}
    </>
  );
}

function Delay({ path }: { path: Path }) {
  const { value, set } = useField(path);
  const kind = isObject(value) ? value.kind : 'constant';
  const seed = DELAYS.constant;
  return (
    <>
      <SelectField
        label="Network delay"
        path={[...path, 'kind']}
        fallback="constant"
        options={[
          ['constant', 'Constant'],
          ['uniform', 'Uniform'],
          ['exponential', 'Exponential'],
        ]}
        onPick={(k) => set(DELAYS[k as keyof typeof DELAYS])}
      />
      {kind === 'constant' && (
        <NumberField label="Delay (ms)" path={[...path, 'ms']} seed={seed} placeholder="0" min={0} step={1} />
      )}
      {kind === 'uniform' && (
        <>
          <NumberField label="Delay min (ms)" path={[...path, 'minMs']} min={0} step={1} />
          <NumberField label="Delay max (ms)" path={[...path, 'maxMs']} min={0} step={1} />
        </>
      )}
      {kind === 'exponential' && (
        <NumberField label="Mean delay (ms)" path={[...path, 'meanMs']} min={0} step={1} />
      )}
    </>
  );
}

function Offline({ path }: { path: Path }) {
  const { value, set } = useField(path);
  const periods = Array.isArray(value) ? value : [];
  return (
    <div className="ed-offline">
      <h4 className="ed-subhead">Offline periods</h4>
      {periods.length === 0 && <p className="ed-note">Always connected.</p>}
      {periods.map((_, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: periods have no identity besides their place
        <fieldset key={j} className="ed-row">
          <legend className="sr-only">Offline period {j + 1}</legend>
          <NumberField label="Offline from (ms)" path={[...path, j, 'fromMs']} min={0} step={1} />
          <NumberField label="Back at (ms)" path={[...path, j, 'toMs']} min={0} step={1} />
          <button
            type="button"
            className="button button--quiet"
            onClick={() => set(periods.length === 1 ? undefined : periods.filter((__, k) => k !== j))}
          >
            Remove period {j + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => {
          const last = periods.at(-1) as { toMs?: number } | undefined;
          const from = (typeof last?.toMs === 'number' ? last.toMs : 0) + 5000;
          set([...periods, { fromMs: from, toMs: from + 5000 }]);
        }}
      >
        Add an offline period
      </button>
    </div>
  );
}
