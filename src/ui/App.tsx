import { useCallback, useEffect, useState } from 'react';
import { useSim } from '../store/simStore';
import { BrokerView } from '../viz/broker/BrokerView';
import { ConsumersView } from '../viz/consumers/ConsumersView';
import { MessagingConsumers, QueueContents } from '../viz/messaging/MessagingView';
import { ProducerLanes } from '../viz/producers/ProducerLanes';
import { ComparePanel } from './ComparePanel';
import { EntityInspector } from './EntityInspector';
import { BrokerFaults, ConsumerFaults } from './FaultControls';
import { FrameStats } from './FrameStats';
import { Header } from './Header';
import { Notices } from './Notices';
import { Playback } from './playback';
import { ShortcutsDialog } from './ShortcutsDialog';
import { StepLog } from './StepLog';
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
  return (
    <div className="app">
      <Header onHelp={openHelp} />
      <Notices />
      <main className="workspace">
        <div className="workspace__main">
          <section className="panel producers" aria-labelledby="producers-title">
            <div className="panel__head">
              <h2 id="producers-title">Producers</h2>
              <p className="panel__lede">{scenario.description}</p>
            </div>
            <FrameStats />
            <ProducerLanes />
            <StepLog />
          </section>
          {scenario.messaging?.model === 'queue' && (
            <section className="panel" aria-labelledby="queue-title">
              <div className="panel__head">
                <h2 id="queue-title">Broker</h2>
              </div>
              <QueueContents />
            </section>
          )}
          {scenario.messaging && (
            <section className="panel" aria-labelledby="messaging-title">
              <div className="panel__head">
                <h2 id="messaging-title">Consumers</h2>
              </div>
              <MessagingConsumers />
            </section>
          )}
          {scenario.delivery && (
            <>
              <section className="panel" aria-labelledby="broker-title">
                <div className="panel__head">
                  <h2 id="broker-title">Broker</h2>
                </div>
                <BrokerFaults />
                <BrokerView />
              </section>
              <section className="panel" aria-labelledby="consumers-title">
                <div className="panel__head">
                  <h2 id="consumers-title">Consumers</h2>
                </div>
                <ConsumersView controls={(group) => <ConsumerFaults group={group} />} />
              </section>
            </>
          )}
          {(scenario.delivery || scenario.messaging) && (
            <section className="panel" aria-labelledby="compare-title">
              <div className="panel__head">
                <h2 id="compare-title">Comparison</h2>
              </div>
              <ComparePanel />
            </section>
          )}
        </div>
        {entitySelected ? <EntityInspector /> : <TupleInspector />}
      </main>
      <Transport />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
