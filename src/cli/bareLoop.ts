/**
 * The bare loop the bench compares the engine with (issue 19): the least work per tuple that the
 * producer → consumer path needs, with no history, no trace and no seeking. Seeded event times and
 * network delays into typed arrays, a counting sort by arrival time, then the consumer's pass in
 * arrival order setting the in-order and late flags. Its throughput is the hardware's ceiling.
 */

/** A 32-bit LCG (the constants d3-random's randomLcg uses), as a fraction in [0, 1). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

export interface BareResult {
  readonly tuples: number;
  readonly late: number;
  readonly outOfOrder: number;
}

/**
 * `producers` sources, each creating `perProducer` tuples at evenly spread event times over
 * `durationMs`, with exponential network delays of mean `meanDelayMs` (5 % jittered by up to 500 ms).
 */
export function bareLoop(
  producers: number,
  perProducer: number,
  durationMs: number,
  meanDelayMs: number,
  boundMs: number,
  seed: number,
): BareResult {
  const n = producers * perProducer;
  const producer = new Int32Array(n);
  const eventTime = new Float64Array(n);
  const arrival = new Int32Array(n);
  const flags = new Uint8Array(n);
  const random = lcg(seed);
  let maxArrival = 0;
  let i = 0;
  for (let p = 0; p < producers; p++) {
    for (let k = 0; k < perProducer; k++, i++) {
      const e = Math.floor((k * durationMs) / perProducer);
      let delay = Math.round(-Math.log1p(-random()) * meanDelayMs);
      if (random() < 0.05) delay += Math.ceil(random() * 500);
      producer[i] = p;
      eventTime[i] = e;
      arrival[i] = e + delay;
      if (e + delay > maxArrival) maxArrival = e + delay;
    }
  }
  // Counting sort by arrival millisecond (stable: ties keep creation order).
  const counts = new Int32Array(maxArrival + 2);
  for (let j = 0; j < n; j++) counts[arrival[j]! + 1]!++;
  for (let t = 1; t < counts.length; t++) counts[t]! += counts[t - 1]!;
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[counts[arrival[j]!]!++] = j;
  // The consumer: in order per producer, late against the newest event time from any producer.
  const newest = new Float64Array(producers).fill(Number.NEGATIVE_INFINITY);
  let maxSeen = Number.NEGATIVE_INFINITY;
  let late = 0;
  let outOfOrder = 0;
  for (let j = 0; j < n; j++) {
    const id = order[j]!;
    const e = eventTime[id]!;
    const p = producer[id]!;
    let f = 0;
    if (e < newest[p]!) {
      f |= 1;
      outOfOrder++;
    } else newest[p] = e;
    if (e < maxSeen - boundMs) {
      f |= 2;
      late++;
    }
    if (e > maxSeen) maxSeen = e;
    flags[id] = f;
  }
  return { tuples: n, late, outOfOrder };
}
