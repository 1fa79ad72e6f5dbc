import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type EventTimeSpec, nominalSizeMs } from '../../engine';
import { useSim } from '../../store/simStore';
import { FormProblems } from '../../viz/FormProblems';

const selectControls = (s: ReturnType<typeof useSim.getState>) => ({
  spec: s.sim.scenario.spec.eventTime,
  editEventTime: s.editEventTime,
});

/** The event-time query: window, aggregate, and Spark's or Flink's watermark settings. */
export function EventTimeControls() {
  const { spec, editEventTime } = useSim(useShallow(selectControls));
  const [problems, setProblems] = useState<readonly string[]>([]);
  const id = useId();
  if (!spec) return null;
  const edit = (next: EventTimeSpec) => setProblems(editEventTime(next));
  const seconds = (
    label: string,
    key: string,
    valueMs: number,
    apply: (ms: number) => EventTimeSpec,
    min = 0,
  ) => (
    <label className="field" htmlFor={`${id}-${key}`}>
      <span>{label}</span>
      <input
        id={`${id}-${key}`}
        type="number"
        min={min}
        step={0.5}
        value={valueMs / 1000}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n)) edit(apply(Math.round(n * 1000)));
        }}
      />
    </label>
  );
  const w = spec.window;
  return (
    <fieldset className="settings">
      <legend>Query</legend>
      <label className="field" htmlFor={`${id}-engine`}>
        <span>Rules</span>
        <select
          id={`${id}-engine`}
          value={spec.engine}
          onChange={(e) => edit({ ...spec, engine: e.target.value as 'spark' })}
        >
          <option value="spark">Spark Structured Streaming</option>
          <option value="flink">Flink</option>
        </select>
      </label>
      <label className="field" htmlFor={`${id}-kind`}>
        <span>Window</span>
        <select
          id={`${id}-kind`}
          value={w.kind}
          onChange={(e) => {
            const size = nominalSizeMs(w);
            const kind = e.target.value;
            edit({
              ...spec,
              window:
                kind === 'tumbling'
                  ? { kind: 'tumbling', sizeMs: size }
                  : kind === 'sliding'
                    ? { kind: 'sliding', sizeMs: size, slideMs: Math.max(500, size / 2) }
                    : kind === 'session'
                      ? { kind: 'session', gapMs: Math.min(size, 3000) }
                      : { kind: 'eventTime' },
            });
          }}
        >
          <option value="tumbling">tumbling</option>
          <option value="sliding">sliding</option>
          <option value="session">session</option>
          {spec.engine === 'spark' && <option value="eventTime">raw event time (no window)</option>}
        </select>
      </label>
      {(w.kind === 'tumbling' || w.kind === 'sliding') &&
        seconds('size (s)', 'size', w.sizeMs, (ms) => ({ ...spec, window: { ...w, sizeMs: ms } }), 0.5)}
      {w.kind === 'sliding' &&
        seconds('slide (s)', 'slide', w.slideMs, (ms) => ({ ...spec, window: { ...w, slideMs: ms } }), 0.5)}
      {w.kind === 'session' &&
        seconds(
          'gap (s)',
          'gap',
          w.gapMs,
          (ms) => ({ ...spec, window: { kind: 'session', gapMs: ms } }),
          0.5,
        )}
      <label className="field" htmlFor={`${id}-agg`}>
        <span>Aggregate</span>
        <select
          id={`${id}-agg`}
          value={spec.aggregate}
          onChange={(e) => edit({ ...spec, aggregate: e.target.value as 'count' })}
        >
          {['count', 'sum', 'min', 'max', 'avg'].map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-inputs`}>
        <span>Watermarked inputs</span>
        <select
          id={`${id}-inputs`}
          value={spec.inputs}
          onChange={(e) => edit({ ...spec, inputs: e.target.value as 'single' })}
        >
          <option value="single">one stream</option>
          <option value="perProducer">one per producer</option>
        </select>
      </label>
      <label className="field field--check" htmlFor={`${id}-keyed`}>
        <input
          id={`${id}-keyed`}
          type="checkbox"
          checked={spec.keyed}
          onChange={(e) => edit({ ...spec, keyed: e.target.checked })}
        />
        <span>per key</span>
      </label>
      {spec.engine === 'spark' ? (
        <>
          {seconds('Watermark delay (s)', 'delay', spec.spark.delayMs, (ms) => ({
            ...spec,
            spark: { ...spec.spark, delayMs: ms },
          }))}
          {seconds(
            'Trigger (s)',
            'trigger',
            spec.spark.triggerMs,
            (ms) => ({ ...spec, spark: { ...spec.spark, triggerMs: ms } }),
            0.5,
          )}
          <label className="field" htmlFor={`${id}-mode`}>
            <span>Output mode</span>
            <select
              id={`${id}-mode`}
              value={spec.spark.outputMode}
              onChange={(e) =>
                edit({ ...spec, spark: { ...spec.spark, outputMode: e.target.value as 'append' } })
              }
            >
              <option value="append">append</option>
              <option value="update">update</option>
              <option value="complete">complete</option>
            </select>
          </label>
          {spec.inputs === 'perProducer' && (
            <label className="field" htmlFor={`${id}-policy`}>
              <span>multipleWatermarkPolicy</span>
              <select
                id={`${id}-policy`}
                value={spec.spark.policy}
                onChange={(e) => edit({ ...spec, spark: { ...spec.spark, policy: e.target.value as 'min' } })}
              >
                <option value="min">min (default)</option>
                <option value="max">max</option>
              </select>
            </label>
          )}
          <label className="field field--check" htmlFor={`${id}-multi`}>
            <input
              id={`${id}-multi`}
              type="checkbox"
              checked={spec.spark.allowMultiple}
              onChange={(e) => edit({ ...spec, spark: { ...spec.spark, allowMultiple: e.target.checked } })}
            />
            <span>Spark 3.4+ (late rows judged by the previous batch’s watermark)</span>
          </label>
          <label className="field field--check" htmlFor={`${id}-nodata`}>
            <input
              id={`${id}-nodata`}
              type="checkbox"
              checked={spec.spark.noDataBatches}
              onChange={(e) => edit({ ...spec, spark: { ...spec.spark, noDataBatches: e.target.checked } })}
            />
            <span>no-data batches</span>
          </label>
        </>
      ) : (
        <>
          {seconds('Out-of-orderness bound (s)', 'bound', spec.flink.boundMs, (ms) => ({
            ...spec,
            flink: { ...spec.flink, boundMs: ms },
          }))}
          {seconds(
            'Watermark interval (s)',
            'interval',
            spec.flink.autoWatermarkIntervalMs,
            (ms) => ({ ...spec, flink: { ...spec.flink, autoWatermarkIntervalMs: ms } }),
            0.1,
          )}
          <label className="field field--check" htmlFor={`${id}-side`}>
            <input
              id={`${id}-side`}
              type="checkbox"
              checked={spec.flink.sideOutput}
              onChange={(e) => edit({ ...spec, flink: { ...spec.flink, sideOutput: e.target.checked } })}
            />
            <span>late tuples to a side output</span>
          </label>
          {seconds('Allowed lateness (s)', 'lateness', spec.flink.allowedLatenessMs, (ms) => ({
            ...spec,
            flink: { ...spec.flink, allowedLatenessMs: ms },
          }))}
        </>
      )}
      <FormProblems problems={problems} />
    </fieldset>
  );
}
