import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useSim } from '../store/simStore';
import { BrokerView } from '../viz/broker/BrokerView';
import { ConsumersView } from '../viz/consumers/ConsumersView';
import { MessagingConsumers, QueueContents } from '../viz/messaging/MessagingView';
import { ProducerLanes } from '../viz/producers/ProducerLanes';
import { ComparePanel } from './ComparePanel';
import { EntityInspector } from './EntityInspector';
import { BrokerFaults, ConsumerFaults, MessagingFaults } from './FaultControls';
import { FrameStats } from './FrameStats';
import { Header } from './Header';
import { Notices } from './Notices';
import { Panel } from './Panel';
import { Playback } from './playback';
import { ShortcutsDialog } from './ShortcutsDialog';
import { StepLog } from './StepLog';
import { Transport } from './Transport';
import { TupleInspector } from './TupleInspector';
import { useShortcuts } from './useShortcuts';
import { useUrlSync } from './useUrlSync';

// The Spark Streaming views load only for scenarios that have a streaming application.
const StreamingPanels = lazy(() => import('./StreamingPanels'));
const EventTimePanels = lazy(() => import('./EventTimePanels'));
const StreamingInspector = lazy(() =>
  import('./StreamingInspector').then((m) => ({ default: m.StreamingInspector })),
);

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
          {scenario.eventTime && (
            <Suspense fallback={<p className="panel">Loading the event-time views…</p>}>
              <EventTimePanels />
            </Suspense>
          )}
          {scenario.streaming && (
            <Suspense fallback={<p className="panel">Loading the Spark Streaming views…</p>}>
              <StreamingPanels />
            </Suspense>
          )}
          {(scenario.delivery || scenario.messaging) && (
            <Panel id="compare" title="Comparison">
              <ComparePanel />
            </Panel>
          )}
        </div>
        {streamingSelected ? (
          <Suspense fallback={null}>
            <StreamingInspector />
          </Suspense>
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
