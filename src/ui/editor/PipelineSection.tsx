import { useSim } from '../../store/simStore';
import { useEditor } from './context';
import { getAt } from './draft';
import { JsonField } from './fields';

/** A first streaming application: every batch's arrivals, printed. */
const NEW_STREAMING = {
  batchIntervalMs: 1000,
  pipeline: [
    { id: 'lines', op: 'producerStream' },
    { id: 'printed', op: 'print', input: 'lines' },
  ],
};
const NEW_EVENT_TIME = { window: { kind: 'tumbling', sizeMs: 5000 }, aggregate: 'count' };

/**
 * The Spark Streaming application and the event-time query, as JSON. Operation by operation, the
 * pipeline builder (in the Pipeline panel) edits the running application; this tab does not copy it.
 */
export function PipelineSection({ onOpenBuilder }: { onOpenBuilder: () => void }) {
  const { draft, set, setRawJson } = useEditor();
  const hasBuilder = useSim((s) => s.sim.scenario.spec.streaming !== undefined);
  const streaming = getAt(draft, ['streaming']);
  const eventTime = getAt(draft, ['eventTime']);
  const toggle = (block: 'streaming' | 'eventTime', value: unknown) => {
    setRawJson(block, null);
    set([block], value);
  };
  return (
    <div className="ed-list">
      <section className="ed-block" aria-labelledby="ed-streaming-title">
        <h3 id="ed-streaming-title" className="ed-subhead">
          Spark Streaming application
        </h3>
        {streaming === undefined ? (
          <p className="ed-note">None: no DStream program reads the run.</p>
        ) : (
          <JsonField
            label="Streaming application (JSON)"
            path={['streaming']}
            hint="The scenario file's streaming block: batch interval, cores, costs, the DStream pipeline and its failures."
          />
        )}
        <div className="ed-card__actions">
          {streaming === undefined ? (
            <button type="button" className="button" onClick={() => toggle('streaming', NEW_STREAMING)}>
              Add a streaming application
            </button>
          ) : (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => toggle('streaming', undefined)}
            >
              Remove the streaming application
            </button>
          )}
          {hasBuilder && (
            <button type="button" className="button button--quiet" onClick={onOpenBuilder}>
              Close and open the pipeline builder
            </button>
          )}
        </div>
      </section>
      <section className="ed-block" aria-labelledby="ed-eventtime-title">
        <h3 id="ed-eventtime-title" className="ed-subhead">
          Event-time query
        </h3>
        {eventTime === undefined ? (
          <p className="ed-note">None: no windowed aggregation with watermarks.</p>
        ) : (
          <JsonField
            label="Event-time query (JSON)"
            path={['eventTime']}
            rows={8}
            hint="Window, aggregate, and Spark's or Flink's watermark settings."
          />
        )}
        <div className="ed-card__actions">
          {eventTime === undefined ? (
            <button type="button" className="button" onClick={() => toggle('eventTime', NEW_EVENT_TIME)}>
              Add an event-time query
            </button>
          ) : (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => toggle('eventTime', undefined)}
            >
              Remove the event-time query
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
