import { DStreamTimeline } from '../viz/dstream/DStreamTimeline';
import { StreamingMetrics } from '../viz/metrics/StreamingMetrics';
import { BatchStepper } from './BatchStepper';
import { Panel } from './Panel';
import { PipelineBuilder } from './PipelineBuilder';
import { SparkCodePanel } from './SparkCodePanel';
import { StreamingSettings } from './StreamingSettings';

/** The Spark Streaming regions: the DStream timeline, the streaming UI's metrics and the pipeline with its code. */
export default function StreamingPanels() {
  return (
    <>
      <Panel id="dstream" title="DStream timeline">
        <BatchStepper />
        <DStreamTimeline />
      </Panel>
      <Panel id="metrics" title="Streaming metrics">
        <StreamingMetrics controls={<StreamingSettings />} />
      </Panel>
      <Panel id="pipeline" title="Pipeline">
        <div className="pipeline-grid">
          <PipelineBuilder />
          <SparkCodePanel />
        </div>
      </Panel>
    </>
  );
}
