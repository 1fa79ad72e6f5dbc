import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { StructuredSpec } from '../../engine';
import { groupExample } from '../../scenarios/ownExamples';
import { useSim } from '../../store/simStore';
import { FormProblems } from '../../viz/FormProblems';
import { Select } from '../streaming/pipeline/fields';
import { CodeField, OWN, OWN_OPTION } from '../streaming/pipeline/OwnFunctionField';
import './QueryOperatorFields.css';

type Operator = StructuredSpec['operator'];
type GroupOperator = Extract<Operator, { kind: 'flatMapGroupsWithState' }>;

const selectFields = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  editQuery: s.editQuery,
});

/** What switching the operator to each kind starts from. */
const FRESH: Record<Operator['kind'], Operator> = {
  windowAggregation: {
    kind: 'windowAggregation',
    window: { kind: 'tumbling', sizeMs: 10000 },
    aggregate: 'count',
    keyed: true,
  },
  dropDuplicates: { kind: 'dropDuplicates' },
  flatMapGroupsWithState: {
    kind: 'flatMapGroupsWithState',
    fn: 'sessionCount',
    timeout: 'processingTime',
    timeoutMs: 10000,
  },
};

const OPERATORS: readonly (readonly [Operator['kind'], string])[] = [
  ['windowAggregation', 'groupBy(window(…)).agg(…)'],
  ['dropDuplicates', 'dropDuplicates'],
  ['flatMapGroupsWithState', 'flatMapGroupsWithState (arbitrary state)'],
];

const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['sessionCount', 'sessionCount: Spark’s sessionization example'],
  ['runningSum', 'runningSum: each key’s running sum'],
  OWN_OPTION,
];

const TIMEOUTS: readonly (readonly [GroupOperator['timeout'], string])[] = [
  ['none', 'NoTimeout'],
  ['processingTime', 'ProcessingTimeTimeout'],
  ['eventTime', 'EventTimeTimeout'],
];

const MODES: readonly (readonly [StructuredSpec['outputMode'], string])[] = [
  ['append', 'append'],
  ['update', 'update'],
  ['complete', 'complete'],
];

/**
 * The query's stateful operator and output mode, changed in place; for flatMapGroupsWithState its
 * function (from the catalogue, or the learner's own with a GroupState), its state type and its
 * GroupStateTimeout. Every change is checked like a scenario file and the query runs again.
 */
export function QueryOperatorFields() {
  const { sim, editQuery } = useSim(useShallow(selectFields));
  const id = useId();
  const [problems, setProblems] = useState<readonly string[]>([]);
  const spec = sim.scenario.spec.query;
  if (!spec) return null;
  const op = spec.operator;
  const apply = (change: Partial<StructuredSpec>) => setProblems(editQuery({ ...spec, ...change }));
  const setGroup = (change: Partial<GroupOperator>) => {
    if (op.kind !== 'flatMapGroupsWithState') return;
    const next: Record<string, unknown> = { ...op, ...change };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    apply({ operator: next as GroupOperator });
  };
  const label = (what: string) => `flatMapGroupsWithState ${what}`;
  const error = sim.query()?.error ?? null;
  return (
    <fieldset className="settings qop">
      <legend>Stateful operator</legend>
      <Select
        id={`${id}-kind`}
        label="operator"
        aria="stateful operator"
        value={op.kind}
        options={OPERATORS}
        onChange={(v) => apply({ operator: FRESH[v as Operator['kind']] })}
      />
      <Select
        id={`${id}-mode`}
        label="output mode"
        aria="output mode"
        value={spec.outputMode}
        options={MODES}
        onChange={(v) => apply({ outputMode: v as StructuredSpec['outputMode'] })}
      />
      {op.kind === 'flatMapGroupsWithState' && (
        <>
          <Select
            id={`${id}-fn`}
            label="function"
            aria={label('function')}
            value={op.code !== undefined ? OWN : op.fn}
            options={FUNCTIONS}
            onChange={(v) => {
              if (v !== OWN)
                setGroup({ fn: v as GroupOperator['fn'], code: undefined, stateType: undefined });
              else {
                const example = groupExample(op, spec.outputMode);
                setGroup({ code: example.code, stateType: example.stateType });
              }
            }}
          />
          <Select
            id={`${id}-timeout`}
            label="timeout"
            aria={label('GroupStateTimeout')}
            value={op.timeout}
            options={TIMEOUTS}
            onChange={(v) => setGroup({ timeout: v as GroupOperator['timeout'] })}
          />
          {/* The learner's function sets its own timeout (setTimeoutDuration / setTimeoutTimestamp). */}
          {op.timeout !== 'none' && op.code === undefined && (
            <label className="field" htmlFor={`${id}-timeout-s`}>
              <span>timeout (s)</span>
              <input
                id={`${id}-timeout-s`}
                type="number"
                min={1}
                step={1}
                value={op.timeoutMs / 1000}
                aria-label={label('timeout in seconds')}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  if (Number.isFinite(n) && n > 0) setGroup({ timeoutMs: Math.round(n * 1000) });
                }}
              />
            </label>
          )}
        </>
      )}
      {op.kind === 'flatMapGroupsWithState' && op.code !== undefined && (
        <CodeField
          id={id}
          code={op.code}
          stateType={op.stateType ?? ''}
          label={label}
          onChange={(change) => setGroup(change)}
          hint={
            <>
              <code>(key, values, state) =&gt; Seq(…)</code>: called once per key with rows in the batch, and
              with no rows when its timeout passes. <code>values</code> are the rows’ values (a{' '}
              <code>Seq[Double]</code>, where Spark passes an <code>Iterator</code> of rows);{' '}
              <code>state</code> is a <code>GroupState</code>: <code>exists</code>, <code>get</code>,{' '}
              <code>getOption</code>, <code>update</code>, <code>remove()</code>, <code>hasTimedOut</code>,{' '}
              <code>setTimeoutDuration(ms)</code>, <code>setTimeoutTimestamp(ms)</code>,{' '}
              <code>getCurrentWatermarkMs</code>. Each result is a row of the output.
            </>
          }
        />
      )}
      {error && op.kind === 'flatMapGroupsWithState' && op.code !== undefined && (
        <p className="spark-error" role="alert">
          <code>
            {error.errorClass}: {error.message}
          </code>
        </p>
      )}
      <FormProblems problems={problems} />
    </fieldset>
  );
}
