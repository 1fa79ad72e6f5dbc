import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignment } from './assignors';
import {
  cooperativeStickyAssign,
  javaHashMapOrder,
  javaStringHash,
  type StickyMember,
  stickyAssign,
} from './sticky';

const short = (a: Assignment) =>
  Object.fromEntries(Object.entries(a).map(([m, l]) => [m, l.map((x) => `${x.topic}-${x.partition}`)]));
const members = (a: Assignment, ids: string[]): StickyMember[] =>
  ids.map((memberId) => ({ memberId, owned: a[memberId] ?? [] }));

describe('Java semantics the sticky assignor depends on', () => {
  // Expected values printed by OpenJDK 17 (String.hashCode, and new HashMap<>() filled in this order).
  it('String.hashCode and HashMap iteration order match Java', () => {
    expect(javaStringHash('consumer1')).toBe(-421004549);
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('Aa')).toBe(javaStringHash('BB'));
    const cases: [string[], string][] = [
      [['consumer1', 'consumer2', 'consumer3', 'consumer4'], 'consumer4,consumer3,consumer2,consumer1'],
      [['a', 'b', 'c', 'd', 'e', 'f', 'consumer1', 'consumer10'], 'a,b,consumer10,c,d,e,f,consumer1'],
      // 15 keys: the table has grown to 32 buckets.
      [
        ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12', 'm13', 'm14'],
        'm0,m1,m2,m3,m4,m5,m6,m7,m8,m9,m11,m10,m13,m12,m14',
      ],
      // "Aa" and "BB" collide: insertion order inside the bucket.
      [['Aa', 'BB', 'x'], 'Aa,BB,x'],
    ];
    for (const [keys, order] of cases) expect(javaHashMapOrder(keys).join(',')).toBe(order);
  });
});

describe('StickyAssignor (AbstractStickyAssignorTest)', () => {
  it('testAddRemoveConsumerOneTopic', () => {
    const first = stickyAssign({ topic: 3 }, [{ memberId: 'consumer1', owned: [] }]);
    expect(short(first.assignment)).toEqual({ consumer1: ['topic-0', 'topic-1', 'topic-2'] });
    const second = stickyAssign({ topic: 3 }, members(first.assignment, ['consumer1', 'consumer2']));
    expect(short(second.assignment)).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'] });
    expect([...second.transferring]).toEqual([['topic-2', 'consumer2']]);
  });

  it('testAddRemoveTwoConsumersTwoTopics', () => {
    const first = stickyAssign({ topic1: 3, topic2: 4 }, [
      { memberId: 'consumer1', owned: [] },
      { memberId: 'consumer2', owned: [] },
    ]);
    expect(short(first.assignment)).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
    const second = stickyAssign(
      { topic1: 3, topic2: 4 },
      members(first.assignment, ['consumer1', 'consumer2', 'consumer3', 'consumer4']),
    );
    expect(short(second.assignment)).toEqual({
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic2-0', 'topic1-1'],
      consumer3: ['topic1-2', 'topic2-3'],
      consumer4: ['topic2-2'],
    });
    expect(Object.fromEntries(second.transferring)).toEqual({
      'topic1-2': 'consumer3',
      'topic2-3': 'consumer3',
      'topic2-2': 'consumer4',
    });
  });
});

describe('CooperativeStickyAssignor', () => {
  it('revokes first and hands the partition over in the follow-up rebalance', () => {
    const first = cooperativeStickyAssign({ topic: 3 }, [{ memberId: 'consumer1', owned: [] }]);
    const second = cooperativeStickyAssign(
      { topic: 3 },
      members(first.assignment, ['consumer1', 'consumer2']),
    );
    expect(short(second.assignment)).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: [] });
    const followUp = cooperativeStickyAssign(
      { topic: 3 },
      members(second.assignment, ['consumer1', 'consumer2']),
    );
    expect(short(followUp.assignment)).toEqual({ consumer1: ['topic-0', 'topic-1'], consumer2: ['topic-2'] });
    expect(followUp.transferring.size).toBe(0);
  });

  const scenario = fc.record({
    partitions: fc.integer({ min: 0, max: 24 }),
    before: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'consumer1', 'consumer10'), {
      minLength: 1,
      maxLength: 6,
    }),
    after: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'consumer1', 'consumer10'), {
      minLength: 1,
      maxLength: 6,
    }),
  });

  it('never gives a partition to a new owner in the same rebalance that revokes it, and settles in one follow-up', () => {
    fc.assert(
      fc.property(scenario, ({ partitions, before, after }) => {
        const t = { t: partitions };
        const start = stickyAssign(
          t,
          before.map((memberId) => ({ memberId, owned: [] })),
        ).assignment;
        const round1 = cooperativeStickyAssign(t, members(start, after));
        for (const [member, list] of Object.entries(round1.assignment)) {
          const previous = new Set((start[member] ?? []).map((x) => x.partition));
          for (const x of list) {
            const owner = Object.entries(start).find(([, l]) =>
              l.some((y) => y.partition === x.partition),
            )?.[0];
            // Newly received partitions were not owned by anyone still in the group.
            if (!previous.has(x.partition))
              expect(owner === undefined || !(after as string[]).includes(owner)).toBe(true);
          }
        }
        const round2 = cooperativeStickyAssign(t, members(round1.assignment, after));
        expect(round2.transferring.size).toBe(0);
        const all = Object.values(round2.assignment)
          .flat()
          .map((x) => x.partition)
          .sort((x, y) => x - y);
        expect(all).toEqual(Array.from({ length: partitions }, (_, i) => i));
        const sizes = Object.values(round2.assignment).map((l) => l.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('is sticky: members that stay keep what they can of their partitions', () => {
    fc.assert(
      fc.property(scenario, ({ partitions, before, after }) => {
        const t = { t: partitions };
        const start = stickyAssign(
          t,
          before.map((memberId) => ({ memberId, owned: [] })),
        ).assignment;
        const next = stickyAssign(t, members(start, after)).assignment;
        const quota = Math.floor(partitions / after.length);
        for (const m of after) {
          const kept = next[m]!.filter((x) =>
            (start[m] ?? []).some((y) => y.partition === x.partition),
          ).length;
          expect(kept).toBeGreaterThanOrEqual(Math.min(quota, (start[m] ?? []).length));
        }
      }),
      { numRuns: 500 },
    );
  });
});
