import * as v from 'valibot';
import { consumerGroupSchema, logDeliverySchema, messagingSchema } from '../../scenarios/schema';
import { useEditor } from './context';
import { freshId, getAt, isObject, type Path } from './draft';
import { ListField, NumberField, SelectField, TextField } from './fields';

const log = v.getDefaults(logDeliverySchema);
const group = v.getDefaults(consumerGroupSchema);
const messaging = v.getDefaults(messagingSchema);

type Delivery = 'none' | 'log' | 'direct' | 'queue';

/** Names typed as "c1, c2": members keep their other settings when the list is retyped. */
const idList = (path: Path, draft: unknown) => ({
  toItems: (value: unknown) =>
    (Array.isArray(value) ? value : []).map((m) => (isObject(m) ? String(m.id ?? '') : '')),
  fromItems: (ids: readonly string[]) => {
    const before = getAt(draft, path);
    const old = Array.isArray(before) ? before : [];
    return ids.map((id) => old.find((m) => isObject(m) && m.id === id) ?? { id });
  },
});

/** Where arriving tuples go: straight on, a Kafka-style log with consumer groups, or messaging. */
export function BrokerSection() {
  const { draft, set } = useEditor();
  const delivery = getAt(draft, ['delivery']);
  const messages = getAt(draft, ['messaging']);
  const kind: Delivery = isObject(delivery)
    ? 'log'
    : isObject(messages)
      ? messages.model === 'queue'
        ? 'queue'
        : 'direct'
      : 'none';
  const choose = (next: Delivery) => {
    if (next === kind) return;
    if (next === 'none' || next === 'log') set(['messaging'], undefined);
    if (next !== 'log') set(['delivery'], undefined);
    if (next === 'log') set(['delivery'], { model: 'log' });
    if (next === 'direct' || next === 'queue')
      set(['messaging'], {
        ...(isObject(messages) ? messages : { consumers: [{ id: 'c1' }, { id: 'c2' }] }),
        model: next,
      });
  };
  return (
    <div className="ed-list">
      <div className="ed-grid">
        <SelectField
          label="Delivery"
          path={['delivery', 'model']}
          fallback={kind}
          options={[
            ['none', 'Straight to the stream processor'],
            ['log', 'A Kafka-style log'],
            ['direct', 'Direct messaging'],
            ['queue', 'A queue broker'],
          ]}
          onPick={(k) => choose(k as Delivery)}
        />
      </div>
      {kind === 'log' && <LogFields />}
      {(kind === 'direct' || kind === 'queue') && (
        <div className="ed-grid">
          <ListField
            label="Consumers"
            path={['messaging', 'consumers']}
            hint="Names, separated by commas."
            wide
            {...idList(['messaging', 'consumers'], draft)}
          />
          {kind === 'queue' && (
            <NumberField
              label="Processing per message (ms)"
              path={['messaging', 'processingMsPerRecord']}
              placeholder={String(messaging.processingMsPerRecord)}
              min={0}
              step={1}
            />
          )}
        </div>
      )}
    </div>
  );
}

function LogFields() {
  const { draft, set } = useEditor();
  const value = getAt(draft, ['delivery', 'groups']);
  const groups = Array.isArray(value) ? value : [];
  const at = (...rest: (string | number)[]) => ['delivery', ...rest];
  return (
    <>
      <div className="ed-grid">
        <NumberField
          label="Brokers"
          path={at('brokers')}
          placeholder={String(log.brokers)}
          min={1}
          max={5}
          step={1}
        />
        <NumberField
          label="Partitions"
          path={at('partitions')}
          placeholder={String(log.partitions)}
          min={1}
          max={16}
          step={1}
        />
        <NumberField
          label="Replication factor"
          path={at('replicationFactor')}
          placeholder={String(log.replicationFactor)}
          min={1}
          max={5}
          step={1}
        />
        <NumberField
          label="Min in-sync replicas"
          path={at('minInsyncReplicas')}
          placeholder={String(log.minInsyncReplicas)}
          min={1}
          max={5}
          step={1}
        />
        <SelectField
          label="Producer acks"
          path={at('acks')}
          fallback={log.acks}
          options={[
            [0, '0 (fire and forget)'],
            [1, '1 (leader)'],
            ['all', 'all (in-sync replicas)'],
          ]}
        />
        <SelectField
          label="Records without a key"
          path={at('unkeyedPartitioner')}
          fallback={log.unkeyedPartitioner}
          options={[
            ['sticky', 'Sticky partitioner'],
            ['roundRobin', 'Round robin'],
          ]}
        />
        <NumberField
          label="Follower fetch delay (ms)"
          path={at('replicaFetchDelayMs')}
          placeholder={String(log.replicaFetchDelayMs)}
          min={0}
          step={1}
        />
        <NumberField
          label="Replica lag max (ms)"
          path={at('replicaLagTimeMaxMs')}
          placeholder={String(log.replicaLagTimeMaxMs)}
          min={0}
          step={1}
        />
      </div>
      <h3 className="ed-subhead">Consumer groups</h3>
      {groups.length === 0 && <p className="ed-note">No consumer group reads the topic.</p>}
      {groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a group's place is its identity while its id is typed
        <fieldset key={i} className="ed-card">
          <legend>
            Group {i + 1}
            {isObject(g) && typeof g.id === 'string' && g.id && `: ${g.id}`}
          </legend>
          <GroupFields path={at('groups', i)} draft={draft} />
          <div className="ed-card__actions">
            <button
              type="button"
              className="button button--quiet"
              onClick={() =>
                set(
                  at('groups'),
                  groups.filter((_, j) => j !== i),
                )
              }
            >
              Remove group {i + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        data-path="delivery.groups"
        disabled={groups.length >= 4}
        onClick={() =>
          set(at('groups'), [
            ...groups,
            {
              id: freshId(
                'group',
                groups.map((g) => (isObject(g) ? g.id : null)),
              ),
              members: [{ id: 'c1' }],
            },
          ])
        }
      >
        Add a consumer group
      </button>
    </>
  );
}

function GroupFields({ path, draft }: { path: Path; draft: unknown }) {
  const at = (...rest: (string | number)[]) => [...path, ...rest];
  return (
    <div className="ed-grid">
      <TextField label="Group id" path={at('id')} placeholder="required" />
      <ListField
        label="Members"
        path={at('members')}
        hint="Names, separated by commas."
        {...idList(at('members'), draft)}
      />
      <SelectField
        label="Assignor"
        path={at('assignor')}
        fallback={group.assignor}
        options={[
          ['range', 'range'],
          ['roundrobin', 'roundrobin'],
          ['cooperative-sticky', 'cooperative-sticky'],
        ]}
      />
      <SelectField
        label="Offset reset"
        path={at('autoOffsetReset')}
        fallback={group.autoOffsetReset}
        options={[
          ['earliest', 'earliest'],
          ['latest', 'latest'],
        ]}
      />
      <SelectField
        label="Commits"
        path={at('commitMode')}
        fallback={group.commitMode}
        options={[
          ['auto', 'Automatic'],
          ['afterProcessing', 'After processing'],
          ['beforeProcessing', 'Before processing'],
        ]}
      />
      <NumberField
        label="Auto-commit interval (ms)"
        path={at('autoCommitIntervalMs')}
        placeholder={String(group.autoCommitIntervalMs)}
        min={0}
        step={1}
      />
      <NumberField
        label="Session timeout (ms)"
        path={at('sessionTimeoutMs')}
        placeholder={String(group.sessionTimeoutMs)}
        min={0}
        step={1}
      />
      <NumberField
        label="Max poll records"
        path={at('maxPollRecords')}
        placeholder={String(group.maxPollRecords)}
        min={1}
        step={1}
      />
      <NumberField
        label="Poll interval (ms)"
        path={at('pollIntervalMs')}
        placeholder={String(group.pollIntervalMs)}
        min={1}
        step={1}
      />
      <NumberField
        label="Processing per record (ms)"
        path={at('processingMsPerRecord')}
        placeholder={String(group.processingMsPerRecord)}
        min={0}
        step={1}
      />
    </div>
  );
}
