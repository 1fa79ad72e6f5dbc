import type { ReactNode } from 'react';
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

type Block = 'streaming' | 'eventTime' | 'query';

/**
 * The Spark Streaming application, the event-time query and the Structured Streaming query, as
 * JSON. Operation by operation, the pipeline builder (in the Pipeline panel) edits the running
 * application, and the query's State store panel its operator; this tab does not copy them.
 */
export function PipelineSection({ onOpenBuilder }: { onOpenBuilder: () => void }) {
  const hasBuilder = useSim((s) => s.sim.scenario.spec.streaming !== undefined);
  return (
    <div className="ed-list">
      <BlockSection
        block="streaming"
        title="Spark Streaming application"
        none="None: no DStream program reads the run."
        jsonLabel="Streaming application (JSON)"
        hint="The scenario file's streaming block: batch interval, cores, costs, the DStream pipeline and its failures."
        what="a streaming application"
        fresh={NEW_STREAMING}
      >
        {hasBuilder && (
          <button type="button" className="button button--quiet" onClick={onOpenBuilder}>
            Close and open the pipeline builder
          </button>
        )}
      </BlockSection>
      <BlockSection
        block="eventTime"
        title="Event-time query"
        none="None: no windowed aggregation with watermarks."
        jsonLabel="Event-time query (JSON)"
        rows={8}
        hint="Window, aggregate, and Spark's or Flink's watermark settings."
        what="an event-time query"
        fresh={NEW_EVENT_TIME}
      />
      <BlockSection
        block="query"
        title="Structured Streaming query"
        none="None: no Structured Streaming query reads the topic."
        jsonLabel="Structured Streaming query (JSON)"
        rows={10}
        hint="Inputs (Kafka source, withWatermark), the stateful operator (with your own flatMapGroupsWithState function as code), trigger, sink, checkpoint and failures. Its State store panel edits the operator in place."
        what="a Structured Streaming query"
        fresh={NEW_QUERY}
      />
    </div>
  );
}

/** One optional block of the scenario file: its JSON when present, and a button to add or remove it. */
function BlockSection({
  block,
  title,
  none,
  jsonLabel,
  rows,
  hint,
  what,
  fresh,
  children,
}: {
  block: Block;
  title: string;
  none: string;
  jsonLabel: string;
  rows?: number;
  hint: string;
  /** "a streaming application": what the buttons add and remove. */
  what: string;
  fresh: unknown;
  children?: ReactNode;
}) {
  const { draft, set, setRawJson } = useEditor();
  const present = getAt(draft, [block]) !== undefined;
  const toggle = (value: unknown) => {
    setRawJson(block, null);
    set([block], value);
  };
  const titleId = `ed-${block.toLowerCase()}-title`;
  return (
    <section className="ed-block" aria-labelledby={titleId}>
      <h3 id={titleId} className="ed-subhead">
        {title}
      </h3>
      {present ? (
        <JsonField label={jsonLabel} path={[block]} rows={rows} hint={hint} />
      ) : (
        <p className="ed-note">{none}</p>
      )}
      <div className="ed-card__actions">
        {present ? (
          <button type="button" className="button button--quiet" onClick={() => toggle(undefined)}>
            Remove the {what.replace(/^an? /, '')}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => toggle(fresh)}>
            Add {what}
          </button>
        )}
        {children}
      </div>
    </section>
  );
}
