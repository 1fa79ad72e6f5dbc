import { lazy, Suspense } from 'react';
import { useSim } from '../../store/simStore';
import { BrokerView } from '../../viz/broker/BrokerView';
import { ConsumersView } from '../../viz/consumers/ConsumersView';
import { MessagingConsumers, QueueContents } from '../../viz/messaging/MessagingView';
import { Panel } from '../shell/Panel';
import { BrokerFaults, ConsumerFaults, MessagingFaults } from './FaultControls';

const QueryReader = lazy(() =>
  import('../../viz/query/QueryReader').then((m) => ({ default: m.QueryReader })),
);

/** The broker's views: a queue and its consumers, or a Kafka log and its consumer groups (loaded lazily). */
export default function DeliveryPanels() {
  const scenario = useSim((s) => s.sim.scenario.spec);
  return (
    <>
      {scenario.messaging?.model === 'queue' && (
        <Panel id="queue" title="Broker" turn={0}>
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
          <Panel id="broker" title="Broker" turn={0}>
            <BrokerFaults />
            <BrokerView />
          </Panel>
          {/* A view with nothing to show is not shown: a Spark application reads the topic itself. */}
          {(scenario.delivery.groups.length > 0 || scenario.query) && (
            <Panel id="consumers" title="Consumers">
              <ConsumersView controls={(group) => <ConsumerFaults group={group} />} />
              {scenario.query && (
                <Suspense fallback={<p>Loading the query’s reader…</p>}>
                  <QueryReader />
                </Suspense>
              )}
            </Panel>
          )}
        </>
      )}
    </>
  );
}
