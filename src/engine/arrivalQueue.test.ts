import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arrivalTick,
  emptyArrivalQueue,
  packQueue,
  queueOpenTick,
  queuePeekTime,
  queuePop,
  queuePush,
  unpackQueue,
} from './arrivalQueue';
import { emptyHeap, heapPeekTime, heapPop, heapPush } from './heap';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** One tick's work: sends (delay after a moment in the tick), then reading up to the tick's end. */
const tickArb = fc.array(
  fc.record({
    // Quarters of a tick and whole delays make equal times (ties broken by id) common.
    offset: fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.75), fc.double({ min: 0, max: 1, noNaN: true })),
    delay: fc.oneof(
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 400 }),
      fc.double({ min: 0, max: 400, noNaN: true }),
    ),
  }),
  { maxLength: 30 },
);

describe('arrival queue', () => {
  it('gives the order a binary heap of (time, id) gives, across ticks, same-tick arrivals and keyframes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 7, 10, 0.3, 2.5),
        fc.array(tickArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 39 }),
        // Ids in send order (as the engine's, but for backfill), or shuffled (an odd multiplier
        // modulo 2^30 scrambles them without repeating one: a tuple is in flight once).
        fc.boolean(),
        (tickMs, ticks, packAt, sequential) => {
          let nextId = 0;
          // A packed queue keeps ids only; their times are the tuples' arrival times.
          const arrivalTime = new Map<number, number>();
          const heap = emptyHeap();
          let queue = emptyArrivalQueue(tickMs);
          const fromHeap: number[] = [];
          const fromQueue: number[] = [];
          ticks.forEach((sends, tick) => {
            if (tick === packAt) {
              const ids = packQueue(queue);
              const times = { length: 2 ** 30, ...Object.fromEntries(arrivalTime) } as ArrayLike<number>;
              queue = unpackQueue(ids, times, tickMs, tick - 1);
            }
            queueOpenTick(queue, tick);
            const nowMs = tick * tickMs;
            // Sends happen at times inside the tick, interleaved with reading what has arrived by then.
            const moments = sends
              .map((s) => ({ ...s, at: Math.max(0, nowMs - s.offset * tickMs) }))
              .sort((a, b) => a.at - b.at);
            for (const s of moments) {
              while (heapPeekTime(heap) <= s.at) fromHeap.push(heapPop(heap));
              while (queuePeekTime(queue) <= s.at) fromQueue.push(queuePop(queue));
              const n = nextId++;
              const id = sequential ? n : Math.imul(n, 0x9e3779b1) & (2 ** 30 - 1);
              arrivalTime.set(id, s.at + s.delay);
              heapPush(heap, s.at + s.delay, id);
              queuePush(queue, s.at + s.delay, id);
            }
            while (heapPeekTime(heap) <= nowMs) fromHeap.push(heapPop(heap));
            while (queuePeekTime(queue) <= nowMs) fromQueue.push(queuePop(queue));
            expect(queuePeekTime(queue)).toBe(Number.POSITIVE_INFINITY);
            expect(queue.size).toBe(heap.ids.length);
          });
          expect(fromQueue).toEqual(fromHeap);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('puts a time in the tick whose interval (previous end, end] holds it', () => {
    expect(arrivalTick(-5, 10)).toBe(0);
    expect(arrivalTick(0, 10)).toBe(0);
    expect(arrivalTick(0.5, 10)).toBe(1);
    expect(arrivalTick(10, 10)).toBe(1);
    expect(arrivalTick(10.000001, 10)).toBe(2);
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        fc.constantFrom(0.1, 0.3, 1, 7, 10),
        (t, step) => {
          const k = arrivalTick(t, step);
          expect(t <= k * step).toBe(true);
          expect(t > (k - 1) * step).toBe(true);
        },
      ),
    );
  });
});
