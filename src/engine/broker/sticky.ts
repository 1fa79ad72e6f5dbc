import { type Assignment, compareJavaStrings, type TopicPartition } from './assignors';

/**
 * Kafka's sticky assignment for a group whose members all subscribe to the same topics
 * (AbstractStickyAssignor's constrained assignment as in Kafka 3.5+), and the cooperative variant
 * (CooperativeStickyAssignor.adjustAssignment). Members with different subscriptions
 * (Kafka's generalAssign) are not modelled: the simulator's groups subscribe to one topic set.
 */
export interface StickyMember {
  readonly memberId: string;
  /** Partitions the member owned before this rebalance, in its own order. */
  readonly owned: readonly TopicPartition[];
}

export interface StickyResult {
  readonly assignment: Assignment;
  /** Partitions that change owner: partition key "topic-p" → new owner. */
  readonly transferring: ReadonlyMap<string, string>;
}

const keyOf = (tp: TopicPartition) => `${tp.topic}-${tp.partition}`;

/** Java's String.hashCode. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The order in which a java.util.HashMap<String, …> filled with `keys` (in this insertion order)
 * iterates: by bucket (spread hash & (capacity − 1)), then insertion order within a bucket.
 * Capacity starts at 16 and doubles whenever the size exceeds 0.75 × capacity.
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  return keys
    .map((key, index) => {
      const h = javaStringHash(key);
      return { key, index, bucket: (h ^ (h >>> 16)) & (capacity - 1) };
    })
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((e) => e.key);
}

/** `members` in the order the group coordinator lists them (insertion order of Kafka's maps). */
export function stickyAssign(
  partitionsPerTopic: Readonly<Record<string, number>>,
  members: readonly StickyMember[],
): StickyResult {
  const topics = Object.keys(partitionsPerTopic).sort(compareJavaStrings);
  const all: TopicPartition[] = topics.flatMap((topic) =>
    Array.from({ length: partitionsPerTopic[topic] ?? 0 }, (_, partition) => ({ topic, partition })),
  );
  const exists = new Set(all.map(keyOf));
  // A partition claimed by two members is owned by neither (Kafka logs an error and drops it).
  const claims = new Map<string, number>();
  for (const m of members) for (const tp of m.owned) claims.set(keyOf(tp), (claims.get(keyOf(tp)) ?? 0) + 1);
  const multiplyOwned = new Set([...claims].filter(([, n]) => n > 1).map(([k]) => k));
  // Kafka 3.5+ (ConstrainedAssignmentBuilder) keeps owned partitions in (partition, topic) order, so
  // a shrinking member keeps its lowest-numbered partitions across topics.
  const ownedBy = new Map(
    members.map((m) => [
      m.memberId,
      m.owned
        .filter((tp) => exists.has(keyOf(tp)) && !multiplyOwned.has(keyOf(tp)))
        .sort((a, b) => a.partition - b.partition || compareJavaStrings(a.topic, b.topic)),
    ]),
  );

  const assignment: Assignment = {};
  for (const m of members) assignment[m.memberId] = [];
  const transferring = new Map<string, string>();
  const consumerCount = members.length;
  if (consumerCount === 0) return { assignment, transferring };

  const total = all.length;
  const minQuota = Math.floor(total / consumerCount);
  const maxQuota = Math.ceil(total / consumerCount);
  const expectedOverMin = total % consumerCount;
  let currentOverMin = 0;
  const underMin: string[] = [];
  let exactlyMin: string[] = [];
  const assigned = new Set<string>();
  const revoked = new Set<string>();

  // Keep previously owned partitions, up to the quota (iterating as Kafka's HashMap does).
  for (const consumer of javaHashMapOrder(members.map((m) => m.memberId))) {
    const owned = ownedBy.get(consumer)!;
    const mine = assignment[consumer]!;
    const keep = (n: number) => {
      for (const tp of owned.slice(0, n)) {
        mine.push(tp);
        assigned.add(keyOf(tp));
      }
      for (const tp of owned.slice(n)) revoked.add(keyOf(tp));
    };
    if (owned.length < minQuota) {
      keep(owned.length);
      underMin.push(consumer);
    } else if (owned.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      if (currentOverMin === expectedOverMin) exactlyMin = [];
      keep(maxQuota);
    } else {
      keep(minQuota);
      if (currentOverMin < expectedOverMin) exactlyMin.push(consumer);
    }
  }

  const unassigned = all.filter((tp) => !assigned.has(keyOf(tp)));
  underMin.sort(compareJavaStrings);
  exactlyMin.sort(compareJavaStrings);

  // Round-robin the rest: first up to minQuota, then up to maxQuota for as many as may have it.
  let cursor = 0;
  for (const tp of unassigned) {
    let consumer: string;
    if (cursor < underMin.length) {
      consumer = underMin[cursor]!;
    } else if (underMin.length === 0 && exactlyMin.length === 0) {
      throw new Error(`stickyAssign: no member left for ${keyOf(tp)} (quota ${minQuota}–${maxQuota})`);
    } else if (underMin.length === 0) {
      consumer = exactlyMin.shift()!;
    } else {
      cursor = 0;
      consumer = underMin[0]!;
    }
    const mine = assignment[consumer]!;
    mine.push(tp);
    if (revoked.has(keyOf(tp)) || multiplyOwned.has(keyOf(tp))) transferring.set(keyOf(tp), consumer);
    if (mine.length === minQuota && underMin[cursor] === consumer) {
      // Java's iterator.remove(): the next call to next() returns the element after this one.
      underMin.splice(cursor, 1);
      exactlyMin.push(consumer);
    } else {
      if (underMin[cursor] === consumer) cursor++;
      if (mine.length === maxQuota) {
        currentOverMin++;
        if (currentOverMin === expectedOverMin) exactlyMin = [];
      }
    }
  }
  return { assignment, transferring };
}

/**
 * CooperativeStickyAssignor: a partition that changes owner is only revoked in this rebalance;
 * the new owner receives it in the follow-up rebalance, once the old owner has let it go.
 */
export function cooperativeStickyAssign(
  partitionsPerTopic: Readonly<Record<string, number>>,
  members: readonly StickyMember[],
): StickyResult {
  const result = stickyAssign(partitionsPerTopic, members);
  const assignment: Assignment = {};
  for (const [member, tps] of Object.entries(result.assignment)) {
    assignment[member] = tps.filter((tp) => result.transferring.get(keyOf(tp)) !== member);
  }
  return { assignment, transferring: result.transferring };
}
