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
/** A first Structured Streaming query: a keyed count in 10 s windows over the Kafka topic. */
const NEW_QUERY = {
  inputs: [{ id: 'events', source: 'kafka', delayMs: 5000 }],
  operator: { kind: 'windowAggregation', window: { kind: 'tumbling', sizeMs: 10000 }, aggregate: 'count' },
  trigger: { kind: 'processingTime', intervalMs: 5000 },
};

/**
 * The Spark Streaming application, the event-time query and the Structured Streaming query, as JSON. Operation by operation, the
 * pipeline builder (in the Pipeline panel) edits the running application; this tab does not copy it.
 */
export function PipelineSection({ onOpenBuilder }: { onOpenBuilder: () => void }) {
  const { draft, set, setRawJson } = useEditor();
  const hasBuilder = useSim((s) => s.sim.scenario.spec.streaming !== undefined);
  const streaming = getAt(draft, ['streaming']);
  const eventTime = getAt(draft, ['eventTime']);
  const query = getAt(draft, ['query']);
  const toggle = (block: 'streaming' | 'eventTime' | 'query', value: unknown) => {
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
      <section className="ed-block" aria-labelledby="ed-query-title">
        <h3 id="ed-query-title" className="ed-subhead">
          Structured Streaming query
        </h3>
        {query === undefined ? (
          <p className="ed-note">None: no Structured Streaming query reads the topic.</p>
        ) : (
          <JsonField
            label="Structured Streaming query (JSON)"
            path={['query']}
            rows={10}
            hint="Inputs (Kafka source, withWatermark), the stateful operator (with your own flatMapGroupsWithState function as code), trigger, sink, checkpoint and failures. Its State store panel edits the operator in place."
          />
        )}
        <div className="ed-card__actions">
          {query === undefined ? (
            <button type="button" className="button" onClick={() => toggle('query', NEW_QUERY)}>
              Add a Structured Streaming query
            </button>
          ) : (
            <button type="button" className="button button--quiet" onClick={() => toggle('query', undefined)}>
              Remove the Structured Streaming query
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
