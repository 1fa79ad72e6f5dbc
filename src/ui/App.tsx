import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useSim } from '../store/simStore';
import { BrokerView } from '../viz/broker/BrokerView';
import { ConsumersView } from '../viz/consumers/ConsumersView';
import { DStreamTimeline } from '../viz/dstream/DStreamTimeline';
import { MessagingConsumers, QueueContents } from '../viz/messaging/MessagingView';
import { StreamingMetrics } from '../viz/metrics/StreamingMetrics';
import { ProducerLanes } from '../viz/producers/ProducerLanes';
import { BatchStepper } from './BatchStepper';
import { ComparePanel } from './ComparePanel';
import { EntityInspector } from './EntityInspector';
import { BrokerFaults, ConsumerFaults, MessagingFaults } from './FaultControls';
import { FrameStats } from './FrameStats';
import { Header } from './Header';
import { Notices } from './Notices';
import { PipelineBuilder } from './PipelineBuilder';
import { Playback } from './playback';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SparkCodePanel } from './SparkCodePanel';
import { StepLog } from './StepLog';
import { StreamingInspector } from './StreamingInspector';
import { StreamingSettings } from './StreamingSettings';
import { Transport } from './Transport';
import { TupleInspector } from './TupleInspector';
import { useShortcuts } from './useShortcuts';
import { useUrlSync } from './useUrlSync';

export function App() {
  return (
    <Playback.Provider>
      <Shell />
    </Playback.Provider>
  );
}

function Shell() {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const actor = Playback.useActorRef();
  useShortcuts(openHelp);
  useUrlSync();
  // A link may open at the last moment: let the machine know where the run stands.
  useEffect(() => actor.send({ type: 'LOADED' }), [actor]);
  const scenario = useSim((s) => s.sim.scenario.spec);
  const entitySelected = useSim((s) => s.selectedEntity !== null);
  const streamingSelected = useSim(
    (s) => s.selectedEntity?.kind === 'batch' || s.selectedEntity?.kind === 'dstream',
  );
  return (
    <div className="app">
      <Header onHelp={openHelp} />
      <Notices />
      <main className="workspace">
        <div className="workspace__main">
          <Panel id="producers" title="Producers" lede={scenario.description}>
            <FrameStats />
            <ProducerLanes />
            <StepLog />
          </Panel>
          {scenario.messaging?.model === 'queue' && (
            <Panel id="queue" title="Broker">
              <QueueContents />
            </Panel>
          )}
          {scenario.messaging && (
            <Panel id="messaging" title="Consumers">
              <MessagingFaults />
              <MessagingConsumers />
            </Panel>
          )}
          {scenario.delivery && (
            <>
              <Panel id="broker" title="Broker">
                <BrokerFaults />
                <BrokerView />
              </Panel>
              <Panel id="consumers" title="Consumers">
                <ConsumersView controls={(group) => <ConsumerFaults group={group} />} />
              </Panel>
            </>
          )}
          {scenario.streaming && (
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
          )}
          {(scenario.delivery || scenario.messaging) && (
            <Panel id="compare" title="Comparison">
              <ComparePanel />
            </Panel>
          )}
        </div>
        {streamingSelected ? (
          <StreamingInspector />
        ) : entitySelected ? (
          <EntityInspector />
        ) : (
          <TupleInspector />
        )}
      </main>
      <Transport />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

/** A labelled region of the workspace: screen readers and keyboard users can jump between them. */
function Panel({
  id,
  title,
  lede,
  children,
}: {
  id: string;
  title: string;
  lede?: string;
  children: ReactNode;
}) {
  return (
    <section className={`panel ${id}`} aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`}>{title}</h2>
        {lede && <p className="panel__lede">{lede}</p>}
      </div>
      {children}
    </section>
  );
}
