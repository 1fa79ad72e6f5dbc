/**
 * Kafka's client-side partition assignors, reproducing their exact output (not just their spirit):
 * org.apache.kafka.clients.consumer.RangeAssignor and RoundRobinAssignor (without rack awareness).
 */

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

export interface GroupMember {
  readonly memberId: string;
  /** group.instance.id of a static member. */
  readonly groupInstanceId?: string;
  readonly topics: readonly string[];
}

/** memberId → its partitions, in the order the assignor added them. */
export type Assignment = Record<string, TopicPartition[]>;

/** Java's String.compareTo: UTF-16 code units, which is also how JavaScript compares strings. */
export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * AbstractPartitionAssignor.MemberInfo ordering: static members (with a group.instance.id) first,
 * by instance id, then dynamic members by member id.
 */
export function compareMembers(a: GroupMember, b: GroupMember): number {
  if (a.groupInstanceId !== undefined && b.groupInstanceId !== undefined) {
    return compareJavaStrings(a.groupInstanceId, b.groupInstanceId);
  }
  if (a.groupInstanceId !== undefined) return -1;
  if (b.groupInstanceId !== undefined) return 1;
  return compareJavaStrings(a.memberId, b.memberId);
}

function emptyAssignment(members: readonly GroupMember[]): Assignment {
  const out: Assignment = {};
  for (const m of members) out[m.memberId] = [];
  return out;
}

/**
 * RangeAssignor: per topic, the subscribed members in MemberInfo order each take a contiguous range;
 * the first (partitions % members) members take one extra.
 */
export function rangeAssign(
  partitionsPerTopic: Readonly<Record<string, number>>,
  members: readonly GroupMember[],
): Assignment {
  const assignment = emptyAssignment(members);
  const topics = Object.keys(partitionsPerTopic).sort(compareJavaStrings);
  for (const topic of topics) {
    const consumers = members.filter((m) => m.topics.includes(topic)).sort(compareMembers);
    const count = partitionsPerTopic[topic] ?? 0;
    if (consumers.length === 0) continue;
    const perConsumer = Math.floor(count / consumers.length);
    const withExtra = count % consumers.length;
    consumers.forEach((consumer, i) => {
      const start = perConsumer * i + Math.min(i, withExtra);
      const length = perConsumer + (i + 1 > withExtra ? 0 : 1);
      for (let p = start; p < start + length; p++)
        assignment[consumer.memberId]!.push({ topic, partition: p });
    });
  }
  return assignment;
}

/**
 * RoundRobinAssignor: all subscribed partitions sorted by topic then partition, dealt in turn to the
 * members in MemberInfo order, skipping members not subscribed to the partition's topic.
 */
export function roundRobinAssign(
  partitionsPerTopic: Readonly<Record<string, number>>,
  members: readonly GroupMember[],
): Assignment {
  const assignment = emptyAssignment(members);
  const sorted = [...members].sort(compareMembers);
  if (sorted.length === 0) return assignment;
  const subscribed = new Set(sorted.flatMap((m) => m.topics));
  const topics = Object.keys(partitionsPerTopic)
    .filter((t) => subscribed.has(t))
    .sort(compareJavaStrings);
  let next = 0;
  for (const topic of topics) {
    for (let p = 0; p < (partitionsPerTopic[topic] ?? 0); p++) {
      while (!sorted[next % sorted.length]!.topics.includes(topic)) next++;
      assignment[sorted[next % sorted.length]!.memberId]!.push({ topic, partition: p });
      next++;
    }
  }
  return assignment;
}
