import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { StreamingSpec, StreamOpSpec, ValueType } from '../../engine';
import { useSim } from '../../store/simStore';
import { FormProblems } from '../../viz/FormProblems';
import { AddOperation } from './pipeline/AddOperation';
import { OpRow } from './pipeline/OpRow';
import { clean } from './pipeline/opSpec';
import './PipelineBuilder.css';

const selectBuilder = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  tick: s.tick,
  edited: s.streamingEdit !== null,
  editStreaming: s.editStreaming,
  resetStreaming: s.resetStreaming,
});

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
