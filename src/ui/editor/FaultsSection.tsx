import { useEditor, useField } from './context';
import { getAt, isObject, type Path } from './draft';
import { NumberField, type Options, SelectField, TextField } from './fields';

const LOG_KINDS: Options = [
  ['crashBroker', 'Broker crashes'],
  ['restartBroker', 'Broker restarts'],
  ['crashConsumer', 'Consumer crashes'],
  ['restartConsumer', 'Consumer restarts'],
  ['addConsumer', 'Consumer joins'],
  ['removeConsumer', 'Consumer leaves'],
];
const MESSAGING_KINDS: Options = [
  ['crashConsumer', 'Consumer crashes'],
  ['restartConsumer', 'Consumer restarts'],
];

const ids = (list: unknown): string[] =>
  (Array.isArray(list) ? list : [])
    .map((x) => (isObject(x) ? x.id : undefined))
    .filter((id): id is string => typeof id === 'string');

/** Scripted failures of brokers and consumers, in the scenario's own delivery or messaging block. */
export function FaultsSection() {
  const { draft } = useEditor();
  const delivery = getAt(draft, ['delivery']);
  const messaging = getAt(draft, ['messaging']);
  const block = isObject(delivery) ? 'delivery' : isObject(messaging) ? 'messaging' : null;
  if (!block)
    return (
      <p className="ed-note">
        Faults happen to brokers and consumers: choose a log, direct messaging or a queue in the Broker tab
        first. Failures of a Spark Streaming application are part of it, in the Pipeline tab.
      </p>
    );
  return <FaultList block={block} />;
}

function FaultList({ block }: { block: 'delivery' | 'messaging' }) {
  const { draft, set } = useEditor();
  const value = getAt(draft, [block, 'faults']);
  const faults = Array.isArray(value) ? value : [];
  const durationMs = getAt(draft, ['durationMs']);
  const groups = getAt(draft, ['delivery', 'groups']);
  const consumers = ids(getAt(draft, ['messaging', 'consumers']));
  const firstGroup = Array.isArray(groups) && isObject(groups[0]) ? groups[0] : null;
  const consumerTarget = () =>
    block === 'messaging'
      ? { consumer: consumers[0] ?? 'c1' }
      : { group: String(firstGroup?.id ?? 'group1'), member: ids(firstGroup?.members)[0] ?? 'c1' };
  const add = () => {
    const atMs = typeof durationMs === 'number' ? Math.round(durationMs / 2 / 1000) * 1000 : 0;
    const fault =
      block === 'messaging'
        ? { atMs, kind: 'crashConsumer', ...consumerTarget() }
        : { atMs, kind: 'crashBroker', broker: 0 };
    set([block, 'faults'], [...faults, fault]);
  };
  return (
    <div className="ed-list">
      <p className="ed-note">
        Failures written into the scenario. Faults injected from the panels while the run plays are listed
        here too. Failures of a Spark Streaming application are part of it, in the Pipeline tab.
      </p>
      {faults.length === 0 && <p className="ed-note">No faults.</p>}
      {faults.map((f, i) => {
        const path = [block, 'faults', i];
        const kind = isObject(f) ? f.kind : undefined;
        const onBroker = kind === 'crashBroker' || kind === 'restartBroker';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fault's place is its identity
          <fieldset key={i} className="ed-row">
            <legend className="sr-only">Fault {i + 1}</legend>
            <NumberField label={`Fault ${i + 1} at (ms)`} path={[...path, 'atMs']} min={0} step={1} />
            <SelectField
              label={`Fault ${i + 1} kind`}
              path={[...path, 'kind']}
              fallback={String(kind ?? '')}
              options={block === 'messaging' ? MESSAGING_KINDS : LOG_KINDS}
              onPick={(next) => {
                const atMs = isObject(f) ? f.atMs : 0;
                const toBroker = next === 'crashBroker' || next === 'restartBroker';
                const keep = toBroker === onBroker && isObject(f) ? f : null;
                set(
                  path,
                  keep
                    ? { ...keep, kind: next }
                    : { atMs, kind: next, ...(toBroker ? { broker: 0 } : consumerTarget()) },
                );
              }}
            />
            {block === 'messaging' ? (
              <TargetSelect label={`Fault ${i + 1} consumer`} path={[...path, 'consumer']} ids={consumers} />
            ) : onBroker ? (
              <BrokerSelect label={`Fault ${i + 1} broker`} path={[...path, 'broker']} />
            ) : (
              <>
                <TargetSelect label={`Fault ${i + 1} group`} path={[...path, 'group']} ids={ids(groups)} />
                <TextField
                  label={`Fault ${i + 1} member`}
                  path={[...path, 'member']}
                  placeholder="required"
                />
              </>
            )}
            <button
              type="button"
              className="button button--quiet"
              onClick={() =>
                set(
                  [block, 'faults'],
                  faults.filter((_, j) => j !== i),
                )
              }
            >
              Remove fault {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        data-path={`${block}.faults`}
        disabled={faults.length >= 200}
        onClick={add}
      >
        Add a fault
      </button>
    </div>
  );
}

function TargetSelect({ label, path, ids }: { label: string; path: Path; ids: readonly string[] }) {
  const { value } = useField(path);
  const options: Options = ids.map((id) => [id, id]);
  return (
    <SelectField
      label={label}
      path={path}
      fallback={typeof value === 'string' ? value : (ids[0] ?? '')}
      options={options}
    />
  );
}

function BrokerSelect({ label, path }: { label: string; path: Path }) {
  const { draft } = useEditor();
  const brokers = getAt(draft, ['delivery', 'brokers']);
  const count = typeof brokers === 'number' && brokers >= 1 && brokers <= 5 ? brokers : 3;
  const options: Options = Array.from({ length: count }, (_, b) => [b, `Broker ${b}`]);
  return <SelectField label={label} path={path} fallback={0} options={options} />;
}
