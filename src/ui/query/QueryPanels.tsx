// The room ui/query: the Structured Streaming query's panels (progress, state store, checkpoint, sink)
// and its failure controls; loaded lazily, only for scenarios with a query.
import { QueryCheckpoint } from '../../viz/query/QueryCheckpoint';
import { QueryProgress } from '../../viz/query/QueryProgress';
import { SinkView } from '../../viz/query/SinkView';
import { StateStore } from '../../viz/query/StateStore';
import '../../viz/state/Recovery.css';
import { Panel } from '../shell/Panel';
import { QueryControls } from './QueryControls';
import { QueryOperatorFields } from './QueryOperatorFields';

export default function QueryPanels() {
  return (
    <>
      <Panel
        id="qprogress"
        title="Query progress"
        lede="Spark Structured Streaming: each trigger plans a micro-batch from the Kafka offsets, writes offsets/N, runs it, hands the output to the sink and writes commits/N."
      >
        <QueryControls />
        <QueryProgress />
      </Panel>
      <Panel id="qstate" title="State store">
        <QueryOperatorFields />
        <StateStore />
      </Panel>
      <Panel id="qcheckpoint" title="Checkpoints">
        <QueryCheckpoint />
      </Panel>
      <Panel id="qsink" title="Sink">
        <SinkView />
      </Panel>
    </>
  );
}
