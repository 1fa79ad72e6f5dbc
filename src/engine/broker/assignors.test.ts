import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Assignment, type GroupMember, rangeAssign, roundRobinAssign } from './assignors';

/** Compact form of an assignment: memberId → "topic-partition" strings. */
function short(a: Assignment): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(a).map(([m, tps]) => [m, tps.map((tp) => `${tp.topic}-${tp.partition}`)]),
  );
}
const member = (memberId: string, topics: string[], groupInstanceId?: string): GroupMember =>
  groupInstanceId === undefined ? { memberId, topics } : { memberId, topics, groupInstanceId };

describe('RangeAssignor (RangeAssignorTest)', () => {
  it('testTwoConsumersOneTopicThreePartitions', () => {
    const a = rangeAssign({ topic1: 3 }, [member('consumer1', ['topic1']), member('consumer2', ['topic1'])]);
    expect(short(a)).toEqual({ consumer1: ['topic1-0', 'topic1-1'], consumer2: ['topic1-2'] });
  });

  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    const a = rangeAssign({ topic1: 3, topic2: 3 }, [
      member('consumer1', ['topic1', 'topic2']),
      member('consumer2', ['topic1', 'topic2']),
    ]);
    expect(short(a)).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      consumer2: ['topic1-2', 'topic2-2'],
    });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const a = rangeAssign({ topic1: 3, topic2: 2 }, [
      member('consumer1', ['topic1']),
      member('consumer2', ['topic1', 'topic2']),
      member('consumer3', ['topic1']),
    ]);
    expect(short(a)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });

  it('static members come first, ordered by group.instance.id, then dynamic members by member id', () => {
    const a = rangeAssign({ t: 4 }, [
      member('a-dynamic', ['t']),
      member('z-member', ['t'], 'instance-1'),
      member('b-member', ['t'], 'instance-2'),
    ]);
    expect(short(a)).toEqual({ 'z-member': ['t-0', 't-1'], 'b-member': ['t-2'], 'a-dynamic': ['t-3'] });
    // Plain string order, as Java's String.compareTo: "consumer10" sorts before "consumer2".
    const b = rangeAssign({ t: 2 }, [member('consumer2', ['t']), member('consumer10', ['t'])]);
    expect(short(b)).toEqual({ consumer2: ['t-1'], consumer10: ['t-0'] });
  });

  it('testTwoStaticConsumersTwoTopicsSixPartitions: the instance id wins over the member id', () => {
    const a = rangeAssign({ topic1: 3, topic2: 3 }, [
      member('consumer-a', ['topic1', 'topic2'], 'instance2'),
      member('consumer-b', ['topic1', 'topic2'], 'instance1'),
    ]);
    expect(short(a)).toEqual({
      'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      'consumer-a': ['topic1-2', 'topic2-2'],
    });
  });

  it('testStaticMemberRangeAssignmentPersistent: a replaced dynamic member takes over the same partitions', () => {
    const statics = [1, 2, 3].map((i) => member(`consumer${i}`, ['topic1', 'topic2'], `instance${i}`));
    const expected = {
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0'],
      consumer2: ['topic1-2', 'topic2-1'],
      consumer3: ['topic1-3', 'topic2-2'],
    };
    const before = rangeAssign({ topic1: 5, topic2: 4 }, [
      ...statics,
      member('consumer4', ['topic1', 'topic2']),
    ]);
    expect(short(before)).toEqual({ ...expected, consumer4: ['topic1-4', 'topic2-3'] });
    const after = rangeAssign({ topic1: 5, topic2: 4 }, [
      ...statics,
      member('consumer5', ['topic1', 'topic2']),
    ]);
    expect(short(after)).toEqual({ ...expected, consumer5: ['topic1-4', 'topic2-3'] });
  });

  it('a member with nothing left gets an empty list', () => {
    const a = rangeAssign({ t: 1 }, [member('c1', ['t']), member('c2', ['t'])]);
    expect(short(a)).toEqual({ c1: ['t-0'], c2: [] });
  });
});

describe('RoundRobinAssignor (RoundRobinAssignorTest)', () => {
  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    const a = roundRobinAssign({ topic1: 3, topic2: 3 }, [
      member('consumer1', ['topic1', 'topic2']),
      member('consumer2', ['topic1', 'topic2']),
    ]);
    expect(short(a)).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const a = roundRobinAssign({ topic1: 3, topic2: 2 }, [
      member('consumer1', ['topic1']),
      member('consumer2', ['topic1', 'topic2']),
      member('consumer3', ['topic1']),
    ]);
    expect(short(a)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });
});

describe('both assignors', () => {
  const groups = fc
    .record({
      partitions: fc.integer({ min: 0, max: 16 }),
      members: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
    })
    .map(({ partitions, members }) => ({ partitions, members: members.map((m) => member(m, ['t'])) }));

  it('assign every partition exactly once, and balance a single topic to within one', () => {
    fc.assert(
      fc.property(groups, ({ partitions, members }) => {
        for (const assign of [rangeAssign, roundRobinAssign]) {
          const a = assign({ t: partitions }, members);
          const all = Object.values(a)
            .flat()
            .map((tp) => tp.partition)
            .sort((x, y) => x - y);
          expect(all).toEqual(Array.from({ length: partitions }, (_, i) => i));
          const sizes = Object.values(a).map((l) => l.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
