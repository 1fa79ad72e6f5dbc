// The room ui/streaming: the Spark Streaming page (its panels, settings, pipeline builder, batch stepper);
// loaded lazily.
import { useSim } from '../../store/simStore';
import { DStreamTimeline } from '../../viz/dstream/DStreamTimeline';
import { StreamingMetrics } from '../../viz/metrics/StreamingMetrics';
import { Checkpoints } from '../../viz/state/Checkpoints';
import { RecoveryView } from '../../viz/state/Recovery';
import { StateInspector } from '../../viz/state/StateInspector';
import { SparkCodePanel } from '../export/SparkCodePanel';
import { Panel } from '../shell/Panel';
import { BatchStepper } from './BatchStepper';
import { PipelineBuilder } from './PipelineBuilder';
import { StreamingSettings } from './StreamingSettings';
import './StreamingPanels.css';

/** The Spark Streaming regions: the DStream timeline, the streaming UI's metrics and the pipeline with its code. */
export default function StreamingPanels() {
  const pipeline = useSim((s) => s.sim.scenario.spec.streaming?.pipeline ?? []);
  const checkpointDir = useSim((s) => s.sim.scenario.spec.streaming?.checkpointDir ?? null);
  const stateful = pipeline.some((o) => o.op === 'updateStateByKey' || o.op === 'mapWithState');
  return (
    <>
      <Panel id="dstream" title="DStream timeline">
        <BatchStepper />
        <DStreamTimeline />
      </Panel>
      {(stateful || checkpointDir !== null) && (
        <Panel id="checkpoints" title="Checkpoints">
          <Checkpoints />
        </Panel>
      )}
      {stateful && (
        <Panel id="stateinspector" title="State inspector">
          <StateInspector />
        </Panel>
      )}
      <Panel id="recovery" title="Recovery">
        <RecoveryView />
      </Panel>
      <Panel id="metrics" title="Streaming metrics">
        <StreamingMetrics controls={<StreamingSettings />} />
      </Panel>
      <Panel id="pipeline" title="Pipeline">
        <div className="pipeline-grid">
          <PipelineBuilder />
          <SparkCodePanel />
        </div>
        <details className="simplified">
          <summary>What Streamscope simplifies here</summary>
          <ul>
            <li>
              Processing time is a model: each input record costs the per-record time once, spread over the
              free cores, and every output job adds a fixed overhead. Shuffles, caching and recomputation are
              not costed.
            </li>
            <li>One job runs at a time (spark.streaming.concurrentJobs = 1), as in Spark by default.</li>
            <li>
              Within a partition, a shuffle keeps keys in the order they first appeared; Spark’s order depends
              on its hash maps. Pair keys are hashed with 31·h(key) + h(value), not Scala’s MurmurHash3.
            </li>
            <li>
              The receiver’s rate limiter spaces records evenly; Spark’s (Guava’s) allows short bursts. A
              producer stream (one RDD of what arrived per batch) has no built-in Spark equivalent: the Scala
              code names it as an input stream of your own, the PySpark code uses queueStream, which would
              queue an interval no window reads instead of skipping it.
            </li>
            <li>
              The PySpark Kafka code uses the Spark 2.4 API: Python lost its Kafka DStream in Spark 3.0.
            </li>
          </ul>
          <p>
            What follows Spark exactly: batch times, which DStreams have an RDD when, lazy computation, offset
            ranges, window coverage and ReducedWindowedDStream’s arithmetic, the error messages, and
            backpressure’s PID estimator.
          </p>
        </details>
      </Panel>
    </>
  );
}
