import type { StaticQuestion } from '../types';

export const messagingQuestions: readonly StaticQuestion[] = [
  {
    id: 'messaging-direct-consumer-down',
    topic: 'messaging',
    kind: 'choice',
    prompt:
      'Orders are sent directly from the shop to the billing service, with no broker in between. Billing is down from 6 s to 12 s. What happens to the orders sent to it meanwhile?',
    options: [
      {
        text: 'Shipping receives them and forwards them to billing later.',
        why: 'Consumers do not relay messages for each other; each one only receives what is sent to it.',
      },
      {
        text: 'Billing receives them after it restarts, out of order.',
        why: 'Nothing held them while billing was down, so there is nothing to deliver after the restart.',
      },
      {
        text: 'They are lost for billing: nothing stored them, so nothing can send them again.',
        why: 'Right: in direct messaging the message exists only in flight; if the receiver is not there, it is gone.',
      },
      {
        text: 'The shop stops sending until billing is back, so none are lost.',
        why: 'A plain direct sender does not wait for the receiver. A producer that buffered and resent would be acting as a small broker itself.',
      },
    ],
    answer: 2,
    explanation:
      'Direct messaging couples producer and consumer in time: both must be up at once. A broker adds a place where messages wait for a consumer that is down or slow.',
    hint: 'Where could an order be while billing is down?',
    frame: { scenario: 'direct-messaging', timeMs: 9000 },
  },
  {
    id: 'messaging-direct-lost-count',
    topic: 'messaging',
    kind: 'numeric',
    prompt:
      'A shop sends exactly 5 orders per second directly to the billing service (no broker). Billing is down from 6 s to 12 s. How many orders does billing never receive?',
    answer: 30,
    unit: 'orders',
    explanation:
      'Billing misses every order sent while it is down: 5 orders/s × 6 s = 30. With a broker in between they would have waited for billing instead.',
    hint: 'How long is billing down, and how many orders are sent per second?',
  },
  {
    id: 'messaging-broker-decouples-time',
    topic: 'messaging',
    kind: 'choice',
    prompt: 'What does it mean that a message broker decouples producers and consumers in time?',
    options: [
      {
        text: 'A consumer does not have to be running when a message is sent; it can read the message later.',
        why: 'Right: the broker holds messages until a consumer is ready for them.',
      },
      {
        text: 'Producers and consumers must share a synchronised clock.',
        why: 'Decoupling means the opposite: neither side needs to know when the other is running.',
      },
      {
        text: 'Every message is delivered after a fixed delay.',
        why: 'A broker delivers as soon as a consumer asks or is ready; there is no fixed delay.',
      },
      {
        text: 'A producer waits until every consumer has processed its message before sending the next.',
        why: 'That would couple them tightly; with a broker, the producer only needs the broker to accept the message.',
      },
    ],
    answer: 0,
    explanation:
      'With a broker, sending and receiving happen at different times (decoupling in time), and producers need not know who or where the consumers are (decoupling in space).',
    hint: 'What must be true about the consumer at the moment a message is sent?',
  },
  {
    id: 'messaging-queue-one-consumer',
    topic: 'messaging',
    kind: 'choice',
    prompt: 'Two billing workers share one queue. How is each order delivered?',
    options: [
      {
        text: 'To both workers, so that each has a full copy.',
        why: 'That is publish/subscribe. In the queue model the workers share the load instead.',
      },
      {
        text: 'To one of the two workers; when it acknowledges the order, the queue deletes it.',
        why: 'Right: a queue gives each message to exactly one consumer, which spreads the work between them.',
      },
      {
        text: 'To whichever worker asks first, and it is kept in the queue afterwards so it can be replayed.',
        why: 'A queue deletes a message once it is acknowledged; keeping it for replay is what a log such as Kafka does.',
      },
      {
        text: 'To the worker whose name sorts first, always.',
        why: 'A queue spreads messages over its consumers; it does not send everything to one of them.',
      },
    ],
    answer: 1,
    explanation:
      'In the queue model consumers compete for messages: each message goes to one consumer and is removed after acknowledgement. Adding workers adds throughput.',
    hint: 'Do the workers share the work or each do all of it?',
    frame: { scenario: 'queue-broker', timeMs: 5000 },
  },
  {
    id: 'messaging-queue-no-replay',
    topic: 'messaging',
    kind: 'choice',
    prompt:
      'The billing workers have processed and acknowledged every order in a queue. Now a new analytics service wants to read all past orders. What can it get from the queue?',
    options: [
      {
        text: 'All past orders, because a queue keeps messages until a retention period expires.',
        why: 'Retention that keeps consumed messages is a property of logs such as Kafka, not of queues.',
      },
      {
        text: 'Only the orders acknowledged most recently.',
        why: 'Acknowledged orders are deleted whether they are recent or not.',
      },
      {
        text: 'A copy of every order, because the queue mirrors acknowledged messages to new consumers.',
        why: 'A queue does not keep copies; once acknowledged, an order is gone.',
      },
      {
        text: 'Nothing: acknowledged messages are deleted from a queue.',
        why: 'Right: a queue forgets what has been consumed. A log keeps records after they are read, so new readers can replay them.',
      },
    ],
    answer: 3,
    explanation:
      'A queue is "nothing lost, nothing kept": it holds a message until it is acknowledged, then deletes it. Replaying history needs a log, where reading does not remove anything.',
    hint: 'What does a queue do with a message once it has been acknowledged?',
    frame: { scenario: 'queue-broker', timeMs: 3000 },
  },
  {
    id: 'messaging-unacked-redelivered',
    topic: 'messaging',
    kind: 'choice',
    prompt:
      'A worker crashes while processing an order it has not acknowledged yet. What does the queue broker do with that order?',
    options: [
      {
        text: 'Delivers it again, to another worker or to the restarted one.',
        why: 'Right: an unacknowledged message goes back into the queue (here, to its head), so it may be processed twice but is not lost.',
      },
      {
        text: 'Deletes it, since it was already delivered once.',
        why: 'A queue deletes a message on acknowledgement, not on delivery; this one was never acknowledged.',
      },
      {
        text: 'Keeps it reserved for the crashed worker until that worker returns.',
        why: 'The broker redelivers unacknowledged messages rather than waiting for one particular consumer.',
      },
      {
        text: 'Sends it to every worker to be safe.',
        why: 'That would turn the queue into publish/subscribe and have the order billed several times.',
      },
    ],
    answer: 0,
    explanation:
      'Acknowledgements make a queue at-least-once: a message is removed only after a consumer confirms it, so a crash means redelivery, and possibly a duplicate if the work was partly done.',
    hint: 'When does a queue delete a message?',
    frame: { scenario: 'queue-broker', timeMs: 6500 },
  },
  {
    id: 'messaging-pub-sub-name',
    topic: 'messaging',
    kind: 'short',
    prompt:
      'In which messaging model does every subscriber receive its own copy of each message, unlike the queue model, where each message goes to one consumer?',
    accept: ['publish/subscribe', 'pub/sub', 'publish subscribe', 'pub sub'],
    // ActiveMQ, "How does a Queue compare to a Topic": a JMS topic sends each message to all subscribers,
    // a queue to exactly one consumer. RabbitMQ, "AMQP 0-9-1 Model Explained": a fanout exchange delivers
    // "a copy of the message" to every bound queue.
    explanation:
      'In publish/subscribe a message is delivered to every subscriber of its topic. Classic brokers offer it too: a JMS topic, or a RabbitMQ fanout exchange that copies each message into every bound queue. Kafka gets both models from consumer groups: each group gets every record, and within a group each partition goes to one member.',
    hint: 'Producers publish; consumers …',
  },
  {
    id: 'messaging-queue-flow',
    topic: 'messaging',
    kind: 'order',
    prompt: 'Put the life of one order in a queue broker in order.',
    items: [
      'The shop sends the order to the broker',
      'The broker stores it in the queue',
      'The broker delivers it to one worker',
      'The worker processes it and acknowledges it',
      'The broker deletes it from the queue',
    ],
    explanation:
      'The broker holds the order until a worker takes it and removes it only after the acknowledgement, so a worker crash before the acknowledgement leads to redelivery, not loss.',
    hint: 'The broker deletes a message only after hearing back from the worker.',
    frame: { scenario: 'queue-broker', timeMs: 3000 },
  },
  {
    id: 'messaging-durable-queue-restart',
    topic: 'messaging',
    kind: 'choice',
    prompt:
      'A RabbitMQ broker restarts. Queue `orders` was declared durable and its messages were published as persistent; queue `alerts` was declared transient (not durable). What is there after the restart?',
    // RabbitMQ, "AMQP 0-9-1 Model Explained", Queue Durability: "Durable queues are persisted to disk and
    // thus survive broker restarts. Queues that are not durable are called transient … Durability of a
    // queue does not make messages that are routed to that queue durable … only persistent messages will
    // be recovered."
    options: [
      {
        text: 'Both queues, each with its messages.',
        why: 'A transient queue is not re-created after a restart, and what it held is gone with it.',
      },
      {
        text: 'Neither queue: a restart empties the broker.',
        why: 'Durable queues are declared again when the broker starts, and the persistent messages in them are recovered.',
      },
      {
        text: '`orders`, but empty: durability keeps queues, never messages.',
        why: 'A durable queue gets back the messages that were published as persistent; only transient messages in it would be lost.',
      },
      {
        text: '`orders` with its messages; `alerts` is gone, with whatever it held.',
        why: 'Right: a durable queue survives a restart and its persistent messages are recovered; a transient queue does not survive.',
      },
    ],
    answer: 3,
    explanation:
      'Queue durability and message persistence are separate settings, and a message survives a restart only with both: it is persistent and waits in a durable queue. Either way, acknowledged messages are gone: durability protects what is waiting, it keeps no history. The simulator does not restart the queue broker.',
    hint: 'Two settings: one for the queue, one for each message.',
  },
  {
    id: 'messaging-fanout-copies',
    topic: 'messaging',
    kind: 'numeric',
    prompt:
      'A RabbitMQ fanout exchange has three queues bound to it: `billing` (read by two competing workers), `shipping` and `analytics` (one worker each). The shop publishes 10 orders to the exchange. How many order messages do the workers receive in total?',
    answer: 30,
    unit: 'messages',
    // RabbitMQ, "AMQP 0-9-1 Model Explained", Fanout Exchange: "If N queues are bound to a fanout exchange,
    // when a new message is published to that exchange a copy of the message is delivered to all N
    // queues"; messages in a queue "are load balanced between consumers".
    explanation:
      'A fanout exchange puts a copy of every message into each bound queue: 3 queues × 10 orders = 30. Within `billing` the two workers compete, so each of its 10 copies goes to one of them (about 5 each). That is publish/subscribe between services and point-to-point within one.',
    hint: 'Count the copies per queue first; a message in a queue goes to one of its consumers.',
  },
  {
    id: 'messaging-fanout-setup',
    topic: 'messaging',
    kind: 'choice',
    prompt:
      "With RabbitMQ, a classic broker, billing and shipping must each receive every order, and billing's two workers should share billing's orders. How is that set up?",
    // ActiveMQ, "How does a Queue compare to a Topic" (topic: every subscriber gets a copy; queue: each
    // message to exactly one consumer); RabbitMQ, "AMQP 0-9-1 Model Explained" (fanout exchange).
    options: [
      {
        text: "A fanout exchange with one queue bound per service; both billing workers consume from billing's queue.",
        why: "Right: the exchange copies each order into every service's queue (fan-out), and within billing's queue each order goes to one worker (competing consumers).",
      },
      {
        text: 'It cannot be done: only a log such as Kafka gives several services the same messages.',
        why: 'Classic brokers fan out too: a JMS topic or a RabbitMQ fanout exchange gives every subscriber its own copy. What their queues do not do is keep messages after they are acknowledged (RabbitMQ’s newer streams, a log like Kafka’s, do).',
      },
      {
        text: 'One queue that all three workers read.',
        why: 'A queue gives each message to one of its consumers, so each order would reach billing or shipping, not both.',
      },
      {
        text: 'One queue per worker, all bound to a fanout exchange.',
        why: 'Then both billing workers would get every order and bill it twice; they must share one queue.',
      },
    ],
    answer: 0,
    explanation:
      'Classic brokers combine fan-out (publish/subscribe) with point-to-point (competing consumers): one queue per subscribing service, and several consumers on a queue to share its load. Kafka gets the same shape from consumer groups. The real difference is that a queue deletes a message once it is acknowledged, while a log keeps it for replay. The simulator’s queue model has one queue and no exchanges.',
    hint: 'A copy per service; sharing within a service.',
  },
];
