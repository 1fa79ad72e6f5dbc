import { TraceCode } from '../trace';
import type { MessagingSpec } from '../types';
import type { Emit } from './logDelivery';

/**
 * Direct messaging and a classic queue broker, for contrast with the log:
 * - direct: each message goes to every consumer online when it arrives; a consumer that is down
 *   misses it, and nothing can fetch it later;
 * - queue: the broker keeps messages in FIFO order and hands each to one idle consumer (round-robin,
 *   prefetch 1); on acknowledgement the message is deleted. A consumer that dies before acknowledging
 *   puts its message back at the head of the queue (redelivery).
 */
export interface MessagingConsumer {
  readonly id: string;
  online: boolean;
  received: number;
  /** Direct: messages sent while this consumer was down. */
  missed: number;
  acknowledged: number;
  /** Queue: the message being processed, and when it will be acknowledged. */
  current: number | null;
  doneAtMs: number;
}

export interface MessagingState {
  readonly model: 'direct' | 'queue';
  consumers: MessagingConsumer[];
  /** Queue: waiting message ids, head first. */
  queue: number[];
  nextFault: number;
  /** Queue: where round-robin hand-out starts next. */
  nextConsumer: number;
}

export function createMessaging(spec: MessagingSpec): MessagingState {
  return {
    model: spec.model,
    consumers: spec.consumers.map((c) => ({
      id: c.id,
      online: true,
      received: 0,
      missed: 0,
      acknowledged: 0,
      current: null,
      doneAtMs: 0,
    })),
    queue: [],
    nextFault: 0,
    nextConsumer: 0,
  };
}

export function cloneMessaging(s: MessagingState): MessagingState {
  return { ...s, consumers: s.consumers.map((c) => ({ ...c })), queue: s.queue.slice() };
}

/** A message reaches the messaging layer. */
export function deliverMessage(s: MessagingState, tupleId: number, nowMs: number, emit: Emit): void {
  if (s.model === 'direct') {
    s.consumers.forEach((c, i) => {
      if (c.online) {
        c.received++;
        emit(TraceCode.delivered, nowMs, tupleId, i);
      } else {
        c.missed++;
        emit(TraceCode.missed, nowMs, tupleId, i);
      }
    });
    return;
  }
  s.queue.push(tupleId);
  emit(TraceCode.enqueued, nowMs, tupleId, s.queue.length);
}

/** End of a tick: faults, acknowledgements, then hand-out of waiting messages to idle consumers. */
export function advanceMessaging(s: MessagingState, spec: MessagingSpec, nowMs: number, emit: Emit): void {
  while (s.nextFault < spec.faults.length && spec.faults[s.nextFault]!.atMs <= nowMs) {
    const f = spec.faults[s.nextFault++]!;
    const i = s.consumers.findIndex((c) => c.id === f.consumer);
    const c = s.consumers[i];
    if (!c) continue;
    if (f.kind === 'crashConsumer' && c.online) {
      c.online = false;
      emit(TraceCode.consumerCrashed, nowMs, -1, -1, i);
      if (c.current !== null) {
        // Never acknowledged: the broker puts it back at the head of the queue.
        s.queue.unshift(c.current);
        emit(TraceCode.redelivered, nowMs, c.current, i);
        c.current = null;
      }
    } else if (f.kind === 'restartConsumer' && !c.online) {
      c.online = true;
      emit(TraceCode.consumerRestarted, nowMs, -1, -1, i);
    }
  }
  if (s.model !== 'queue') return;
  s.consumers.forEach((c, i) => {
    if (c.online && c.current !== null && c.doneAtMs <= nowMs) {
      emit(TraceCode.acknowledged, nowMs, c.current, i);
      c.acknowledged++;
      c.current = null;
    }
  });
  const n = s.consumers.length;
  for (let k = 0; k < n && s.queue.length > 0; k++) {
    const i = (s.nextConsumer + k) % n;
    const c = s.consumers[i]!;
    if (!c.online || c.current !== null) continue;
    const id = s.queue.shift()!;
    c.current = id;
    c.received++;
    c.doneAtMs = nowMs + spec.processingMsPerRecord;
    emit(TraceCode.delivered, nowMs, id, i);
    s.nextConsumer = (i + 1) % n;
  }
}
