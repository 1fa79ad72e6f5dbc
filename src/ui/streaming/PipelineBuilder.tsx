import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  type DStreamNode,
  FN_LISTS,
  type FnOp,
  fnCatalogue,
  GUARANTEES,
  MAPPING_FNS,
  type StreamingSpec,
  type StreamOpKind,
  type StreamOpSpec,
  UPDATE_FNS,
  type ValueType,
} from '../../engine';
import { fieldsOf, STREAM_OPS } from '../../scenarios/streamingSchema';
import { useSim } from '../../store/simStore';
import { FormProblems } from '../../viz/FormProblems';

const selectBuilder = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  edited: s.streamingEdit !== null,
  editStreaming: s.editStreaming,
  resetStreaming: s.resetStreaming,
});

const FN_OPS: readonly StreamOpKind[] = ['map', 'flatMap', 'filter', 'transform', 'foreachRDD'];
const ADDABLE = STREAM_OPS.filter((o) => !o.endsWith('Stream'));

/**
 * The DStream program as a list of operations: configure each in place, remove it, or add one.
 * Every change is checked like a scenario file, then the application is run again from the start.
 */
export function PipelineBuilder() {
  const { sim, edited, editStreaming, resetStreaming } = useSim(useShallow(selectBuilder));
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [afterStart, setAfterStart] = useState(false);
  const spec = sim.scenario.spec.streaming;
  const run = sim.streaming();
  if (!spec || !run) return null;
  const nodes = run.nodes;
  const typeOf = (id: string | undefined): ValueType | null =>
    nodes.find((n) => n.spec.id === id)?.type ?? null;
  const apply = (pipeline: StreamOpSpec[], structural: boolean) => {
    const next: StreamingSpec = { ...spec, pipeline };
    const result = editStreaming(next);
    setProblems(result);
    if (result.length === 0 && structural) setAfterStart(sim.timeMs >= spec.startAtMs);
  };
  const update = (i: number, change: Partial<StreamOpSpec>) =>
    apply(
      spec.pipeline.map((op, j) => (j === i ? clean({ ...op, ...change }) : op)),
      false,
    );
  const remove = (i: number) =>
    apply(
      spec.pipeline.filter((_, j) => j !== i),
      true,
    );
  const add = (op: StreamOpSpec) => apply([...spec.pipeline, op], true);
  const error = run.error;

  return (
    <div className="builder">
      {error && (
        <p className="spark-error" role="alert">
          <code>{error.text}</code>
          {error.message.includes('checkpoint directory') && (
            <>
              {' '}
              Set a checkpoint directory in the streaming context settings above (
              <code>ssc.checkpoint(dir)</code>): these operations keep state across batches.
            </>
          )}
        </p>
      )}
      {afterStart && (
        <p className="builder__note" role="note">
          In a running Spark application this throws{' '}
          <code>
            java.lang.IllegalStateException: Adding new inputs, transformations, and output operations after
            starting a context is not supported
          </code>
          . You would stop the context and start a new one — Streamscope does that: the new program runs from{' '}
          {spec.startAtMs / 1000} s, as if it had been started with it.
        </p>
      )}
      <ol className="builder__list">
        {spec.pipeline.map((op, i) => (
          <OpRow
            key={op.id}
            op={op}
            index={i}
            earlier={spec.pipeline
              .slice(0, i)
              .filter((o) => o.op !== 'print' && o.op !== 'sink' && o.op !== 'foreachRDD')}
            inputType={typeOf(op.input)}
            failing={error?.opIndex === i}
            batchIntervalMs={spec.batchIntervalMs}
            onChange={(change) => update(i, change)}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      <AddOperation spec={spec} nodes={nodes} onAdd={add} />
      <FormProblems problems={problems} />
      {edited && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            resetStreaming();
            setProblems([]);
            setAfterStart(false);
          }}
        >
          Back to the scenario’s program
        </button>
      )}
    </div>
  );
}

/** Drops fields that no longer apply (e.g. arg after switching to a function without one). */
function clean(op: StreamOpSpec): StreamOpSpec {
  const { required, optional } = fieldsOf(op.op);
  const keep = new Set<string>(['id', 'op', ...required, ...optional]);
  const out = Object.fromEntries(Object.entries(op).filter(([k, v]) => keep.has(k) && v !== undefined));
  if (FN_OPS.includes(op.op)) {
    const f = fnCatalogue[op.op as FnOp](op.fn);
    if (!f?.arg) delete out.arg;
  }
  return out as unknown as StreamOpSpec;
}

function OpRow({
  op,
  index,
  earlier,
  inputType,
  failing,
  batchIntervalMs,
  onChange,
  onRemove,
}: {
  op: StreamOpSpec;
  index: number;
  earlier: readonly StreamOpSpec[];
  inputType: ValueType | null;
  failing: boolean;
  batchIntervalMs: number;
  onChange: (change: Partial<StreamOpSpec>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const { required, optional } = fieldsOf(op.op);
  const fields = [...required, ...optional];
  const has = (f: keyof StreamOpSpec) => fields.includes(f);
  const fnList = FN_OPS.includes(op.op) ? FN_LISTS[op.op as FnOp] : [];
  const fn = FN_OPS.includes(op.op) ? fnCatalogue[op.op as FnOp](op.fn) : undefined;
  const seconds = (ms: number | undefined) => (ms === undefined ? '' : String(ms / 1000));
  const setSeconds = (key: 'windowMs' | 'slideMs', v: string) => {
    const n = Number(v);
    if (v.trim() === '' && key === 'slideMs') onChange({ slideMs: undefined });
    else if (Number.isFinite(n) && n > 0) onChange({ [key]: Math.round(n * 1000) });
  };
  const label = (what: string) => `${op.id}: ${what}`;
  return (
    <li className={`op${failing ? ' op--failing' : ''}`}>
      <div className="op__head">
        <code className="op__sig">
          {op.op === 'print' || op.op === 'sink' || op.op === 'foreachRDD' ? '' : `${op.id} = `}
          {op.input
            ? `${op.input}.${op.op}`
            : op.op === 'kafkaDirectStream'
              ? 'KafkaUtils.createDirectStream'
              : op.op === 'receiverStream'
                ? 'ssc.receiverStream'
                : 'ssc.queueStream'}
        </code>
        <button type="button" className="icon-button" aria-label={`Remove ${op.id}`} onClick={onRemove}>
          ×
        </button>
      </div>
      <div className="op__fields">
        {has('input') && (
          <Select
            id={`${id}-input`}
            label="of"
            aria={label('input DStream')}
            value={op.input ?? ''}
            options={earlier.map((o) => [o.id, o.id])}
            onChange={(v) => onChange({ input: v })}
          />
        )}
        {has('other') && (
          <Select
            id={`${id}-other`}
            label="with"
            aria={label('other DStream')}
            value={op.other ?? ''}
            options={earlier.filter((o) => o.id !== op.input).map((o) => [o.id, o.id])}
            onChange={(v) => onChange({ other: v })}
          />
        )}
        {(op.op === 'updateStateByKey' || op.op === 'mapWithState') && (
          <Select
            id={`${id}-sfn`}
            label="function"
            aria={label(op.op === 'updateStateByKey' ? 'update function' : 'mapping function')}
            value={op.fn ?? ''}
            options={(op.op === 'updateStateByKey' ? UPDATE_FNS : MAPPING_FNS).map((f) => [f.name, f.label])}
            onChange={(v) => onChange({ fn: v })}
          />
        )}
        {has('timeoutMs') && (
          <label className="field" htmlFor={`${id}-timeout`}>
            <span>timeout (s)</span>
            <input
              id={`${id}-timeout`}
              type="number"
              min={0}
              step={1}
              placeholder="none"
              value={op.timeoutMs === undefined ? '' : op.timeoutMs / 1000}
              aria-label={label('StateSpec timeout in seconds (empty: none)')}
              onChange={(e) => {
                const v = e.target.value.trim();
                const n = Number(v);
                if (v === '') onChange({ timeoutMs: undefined });
                else if (Number.isFinite(n) && n > 0) onChange({ timeoutMs: Math.round(n * 1000) });
              }}
            />
          </label>
        )}
        {has('guarantee') && (
          <Select
            id={`${id}-guarantee`}
            label="guarantee"
            aria={label('delivery guarantee')}
            value={op.guarantee ?? 'atLeastOnce'}
            options={GUARANTEES.map((g) => [g.id, g.label])}
            onChange={(v) => onChange({ guarantee: v as 'atLeastOnce' })}
          />
        )}
        {fnList.length > 0 && (
          <Select
            id={`${id}-fn`}
            label="function"
            aria={label('function')}
            value={op.fn ?? ''}
            options={fnList.map((f) => [
              f.name,
              `${f.label}${inputType && !f.accepts(inputType) ? ' (needs other input)' : ''}`,
            ])}
            onChange={(v) => {
              const next = fnCatalogue[op.op as FnOp](v);
              onChange({ fn: v, arg: next?.arg ? (op.arg ?? next.arg.initial) : undefined });
            }}
          />
        )}
        {fn?.arg && (
          <label className="field" htmlFor={`${id}-arg`}>
            <span>{fn.arg.label}</span>
            <input
              id={`${id}-arg`}
              type={fn.arg.kind === 'number' ? 'number' : 'text'}
              value={op.arg ?? ''}
              aria-label={label(fn.arg.label)}
              onChange={(e) =>
                onChange({ arg: fn.arg?.kind === 'number' ? Number(e.target.value) : e.target.value })
              }
            />
          </label>
        )}
        {has('reduce') && (
          <Select
            id={`${id}-reduce`}
            label="reduce"
            aria={label('reduce function')}
            value={op.reduce ?? 'sum'}
            options={[
              ['sum', 'sum (_ + _)'],
              ['max', 'max'],
              ['min', 'min'],
            ]}
            onChange={(v) => onChange({ reduce: v as 'sum' })}
          />
        )}
        {has('windowMs') && (
          <label className="field" htmlFor={`${id}-w`}>
            <span>window (s)</span>
            <input
              id={`${id}-w`}
              type="number"
              min={0}
              step={batchIntervalMs / 1000}
              value={seconds(op.windowMs)}
              aria-label={label('window length in seconds')}
              onChange={(e) => setSeconds('windowMs', e.target.value)}
            />
          </label>
        )}
        {has('slideMs') && (
          <label className="field" htmlFor={`${id}-s`}>
            <span>slide (s)</span>
            <input
              id={`${id}-s`}
              type="number"
              min={0}
              step={batchIntervalMs / 1000}
              placeholder="every batch"
              value={seconds(op.slideMs)}
              aria-label={label('slide interval in seconds')}
              onChange={(e) => setSeconds('slideMs', e.target.value)}
            />
          </label>
        )}
        {has('inverse') && (
          <Check
            id={`${id}-inv`}
            label="inverse function"
            aria={label('with an inverse function')}
            checked={op.inverse ?? false}
            onChange={(v) => onChange({ inverse: v, filterZero: v ? op.filterZero : undefined })}
          />
        )}
        {has('filterZero') && op.inverse && (
          <Check
            id={`${id}-fz`}
            label="drop zero counts"
            aria={label('filter out keys whose value is 0')}
            checked={op.filterZero ?? false}
            onChange={(v) => onChange({ filterZero: v })}
          />
        )}
        {has('num') && (
          <label className="field" htmlFor={`${id}-num`}>
            <span>show</span>
            <input
              id={`${id}-num`}
              type="number"
              min={1}
              max={100}
              value={op.num ?? 10}
              aria-label={label('elements to print')}
              onChange={(e) => onChange({ num: Number(e.target.value) })}
            />
          </label>
        )}
        {has('maxRatePerPartition') && (
          <label className="field" htmlFor={`${id}-rate`}>
            <span>maxRatePerPartition</span>
            <input
              id={`${id}-rate`}
              type="number"
              min={0}
              value={op.maxRatePerPartition ?? 0}
              aria-label={label('maximum records per second per partition (0: no cap)')}
              onChange={(e) => onChange({ maxRatePerPartition: Number(e.target.value) })}
            />
          </label>
        )}
        {has('startingOffsets') && (
          <Select
            id={`${id}-reset`}
            label="auto.offset.reset"
            aria={label('auto.offset.reset')}
            value={op.startingOffsets ?? 'latest'}
            options={[
              ['earliest', 'earliest'],
              ['latest', 'latest'],
            ]}
            onChange={(v) => onChange({ startingOffsets: v as 'latest' })}
          />
        )}
        {has('blockIntervalMs') && (
          <label className="field" htmlFor={`${id}-bi`}>
            <span>block interval (ms)</span>
            <input
              id={`${id}-bi`}
              type="number"
              min={1}
              value={op.blockIntervalMs ?? 200}
              aria-label={label('block interval in milliseconds')}
              onChange={(e) => onChange({ blockIntervalMs: Number(e.target.value) })}
            />
          </label>
        )}
        {has('writeAheadLog') && (
          <Check
            id={`${id}-wal`}
            label="write-ahead log"
            aria={label('write-ahead log')}
            checked={op.writeAheadLog ?? false}
            onChange={(v) => onChange({ writeAheadLog: v })}
          />
        )}
      </div>
      {index === 0 && op.op === 'kafkaDirectStream' && (
        <p className="op__hint">
          One RDD partition per Kafka partition; each batch reads from the last position to the latest offset.
        </p>
      )}
    </li>
  );
}

function Select({
  id,
  label,
  aria,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  aria: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (v: string) => void;
}) {
  const known = options.some(([v]) => v === value);
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <select id={id} value={value} aria-label={aria} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value || '(choose)'}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function Check({
  id,
  label,
  aria,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  aria: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="field field--check" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-label={aria}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/** The "add an operation" form: it proposes a sensible default for the chosen operation. */
function AddOperation({
  spec,
  nodes,
  onAdd,
}: {
  spec: StreamingSpec;
  nodes: readonly DStreamNode[];
  onAdd: (op: StreamOpSpec) => void;
}) {
  const id = useId();
  const streams = spec.pipeline.filter((o) => o.op !== 'print' && o.op !== 'sink' && o.op !== 'foreachRDD');
  const [kind, setKind] = useState<StreamOpKind>('window');
  const [input, setInput] = useState<string>('');
  const parent = input || streams[streams.length - 1]?.id || '';
  const submit = () => {
    const taken = new Set(spec.pipeline.map((o) => o.id));
    let n = 1;
    while (taken.has(`${kind}${n}`)) n++;
    const name = `${kind}${n}`;
    const type = nodes.find((x) => x.spec.id === parent)?.type;
    const B = spec.batchIntervalMs;
    const op: StreamOpSpec = { id: name, op: kind, input: parent };
    const fnFor = (k: FnOp) => FN_LISTS[k].find((f) => !type || f.accepts(type)) ?? FN_LISTS[k][0]!;
    let extra: Partial<StreamOpSpec> = {};
    if (FN_OPS.includes(kind)) {
      const f = fnFor(kind as FnOp);
      extra = { fn: f.name, ...(f.arg ? { arg: f.arg.initial } : {}) };
    }
    if (kind === 'union') extra = { other: streams.find((o) => o.id !== parent)?.id ?? parent };
    if (kind === 'reduceByKey') extra = { reduce: 'sum' };
    if (kind === 'reduceByKeyAndWindow')
      extra = { reduce: 'sum', windowMs: 3 * B, slideMs: 2 * B, inverse: false };
    if (kind === 'window' || kind === 'countByWindow' || kind === 'countByValueAndWindow')
      extra = { windowMs: 3 * B, slideMs: 2 * B };
    if (kind === 'print') extra = { num: 10 };
    if (kind === 'updateStateByKey' || kind === 'mapWithState') extra = { fn: 'runningSum' };
    if (kind === 'sink') extra = { guarantee: 'atLeastOnce' };
    onAdd({ ...op, ...extra });
  };
  return (
    <form
      className="builder__add"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="field" htmlFor={`${id}-op`}>
        <span>Add</span>
        <select
          id={`${id}-op`}
          aria-label="Operation to add"
          value={kind}
          onChange={(e) => setKind(e.target.value as StreamOpKind)}
        >
          {ADDABLE.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-in`}>
        <span>of</span>
        <select
          id={`${id}-in`}
          aria-label="Apply it to"
          value={parent}
          onChange={(e) => setInput(e.target.value)}
        >
          {streams.map((o) => (
            <option key={o.id} value={o.id}>
              {o.id}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        Add operation
      </button>
    </form>
  );
}
