import type { Lesson } from '../types';

export const messagingLesson: Lesson = {
  id: 'messaging',
  topic: 'messaging',
  title: 'Direct messaging, queues and logs',
  summary:
    'Three ways to move a stream from producers to consumers, and what each does when a consumer goes down.',
  steps: [
    {
      title: 'Direct messaging',
      body: [
        'The simplest way to move a stream is to send each message straight from the producer to every consumer, with nothing in between: UDP multicast, a brokerless library such as ZeroMQ, or an HTTP call (a webhook) per message. It is fast and there is little that can break.',
        'But nothing keeps the messages. Here the shop’s orders go to a billing and a shipping service. Billing is down from 6 s to 12 s, and every order sent meanwhile is lost for it for good. The Consumers panel counts what each service received and missed.',
      ],
      frame: { scenario: 'direct-messaging', seed: 8, timeMs: 4000 },
      highlight: ['producers', 'messaging'],
      task: {
        text: 'Press Space to play past 6 s and watch billing’s lost count grow while it is down.',
        hint: 'The Lost column of the Consumers table counts the orders billing missed; it never goes down again.',
        check: (ctx) => ctx.sim.messaging()?.consumers.some((c) => c.missed > 0) ?? false,
      },
    },
    {
      title: 'A queue broker holds the messages',
      body: [
        // ActiveMQ, "How does a Queue compare to a Topic": a queue gives each message to exactly one consumer
        // and keeps it until a consumer is available; unacknowledged messages are redelivered.
        'A message broker sits between producers and consumers and stores messages until they are consumed. Classic brokers (RabbitMQ, ActiveMQ, anything in the JMS or AMQP style) keep messages in queues: each message in a queue goes to one of the queue’s consumers, which acknowledges it when it is done; then the broker deletes it.',
        'Here two billing workers share one queue. They are competing consumers: the work is divided between them and each order is handled by one of them. Both are down from 6 s to 12 s, and the Broker panel shows the orders piling up instead of being lost.',
        // RabbitMQ, "AMQP 0-9-1 Model Explained", Queue Durability: durable queues survive broker restarts,
        // transient ones do not, and "only persistent messages will be recovered".
        'Waiting orders are only as safe as the broker’s storage. A durable queue survives a broker restart, and so do the messages in it that were published as persistent; a transient (non-durable) queue disappears with everything in it. The simulator’s broker never restarts, so it does not show this.',
      ],
      frame: { scenario: 'queue-broker', seed: 8, timeMs: 5000 },
      highlight: ['queue', 'messaging'],
      task: {
        text: 'Play until at least 10 orders are waiting in the queue.',
        hint: 'The workers go down at 6 s, and about five orders arrive every second.',
        check: (ctx) => (ctx.sim.messaging()?.queue.length ?? 0) >= 10,
      },
    },
    {
      title: 'Acknowledgements and redelivery',
      body: [
        'A worker acknowledges an order only after it has processed it. If it dies first, the broker puts the order back at the head of the queue, and another worker (or the same one, once back) gets it. Nothing is lost, but an order can be processed twice if the worker did the work and died just before acknowledging, and redelivery can change the order in which messages are handled.',
        'Once acknowledged, an order is deleted. The queue cannot be read again: a service added tomorrow cannot see yesterday’s orders.',
      ],
      frame: { scenario: 'queue-broker', seed: 8, timeMs: 4000 },
      highlight: ['messaging', 'queue'],
      task: {
        text: 'While worker-1 is processing an order (its number shows in the Processing column), take it offline with its button in the Consumers panel. Then step on and watch that order go back to the head of the queue.',
        hint: 'The button reads “Take worker-1 offline”; “Bring worker-1 back” restarts it at a later moment. A worker that was idle has nothing to give back.',
        check: (ctx) => ctx.injectedFaults.some((f) => f.startsWith('crashConsumer:')),
      },
    },
    {
      title: 'A log keeps everything',
      body: [
        'A log-based broker such as Apache Kafka appends every message to a log on disk and does not delete it when it is read. Each consumer keeps its own position (an offset) in the log: one that was down carries on where it stopped, and a new one can start from the beginning.',
        'The Comparison panel sends the same orders, with the same outage, through another delivery model. In a Kafka log each service is a consumer group of its own, so each reads every order, whenever it is ready to.',
        // RabbitMQ, "AMQP 0-9-1 Model Explained": a fanout exchange delivers a copy of each message to every
        // bound queue; ActiveMQ: a JMS topic sends each message to every subscriber.
        'Fan-out alone is not what sets the log apart: a classic broker also gives every service every order, through a JMS topic or a RabbitMQ fanout exchange, which copies each message into one queue per service; workers on the same queue still share it. What the log adds is that reading deletes nothing, so a service added later can still read the past. The simulator’s queue broker has a single queue; it does not model topics or exchanges.',
      ],
      frame: { scenario: 'direct-messaging', seed: 8, timeMs: 20000 },
      highlight: ['compare', 'messaging'],
      task: {
        text: 'In the Comparison panel, choose Kafka log, and compare what billing lost under direct messaging with what it lost with the log.',
        hint: 'It is the “Compare with” menu at the top of the Comparison panel.',
        check: (ctx) => ctx.compareModel === 'log',
      },
    },
  ],
};
