import { describe, expect, it } from 'vitest';
import { ReplicaLog } from './replicaLog';

const rec = (offset: number, tupleId = offset, leaderEpoch = 0) => ({
  offset,
  tupleId,
  leaderEpoch,
  appendTimeMs: offset * 10,
});

function filled(n: number): ReplicaLog {
  const log = new ReplicaLog();
  for (let o = 0; o < n; o++) log.append(o, o, 0, o * 10);
  return log;
}

describe('replica log (copy-on-write)', () => {
  it('a shared copy keeps its records while the original grows', () => {
    const live = filled(3);
    const keyframe = live.share();
    live.append(3, 3, 0, 30);
    live.push(rec(4));
    expect(keyframe.length).toBe(3);
    expect(keyframe.toJSON()).toEqual([rec(0), rec(1), rec(2)]);
    expect(live.toJSON()).toEqual([0, 1, 2, 3, 4].map((o) => rec(o)));
  });

  it('replaying the same records onto a restored copy reuses the stored ones', () => {
    const live = filled(5);
    const restored = live.share();
    // As a seek: a keyframe of 2 records restored, then the same appends replayed.
    const fromKeyframe = restored.share(2);
    const stored = live.get(2);
    fromKeyframe.append(2, 2, 0, 20);
    expect(fromKeyframe.get(2)).toBe(stored);
    expect(fromKeyframe.length).toBe(3);
    expect(live.length).toBe(5);
  });

  it('a different record copies the prefix first and leaves the other logs alone', () => {
    const live = filled(4);
    const keyframe = live.share();
    const other = keyframe.share(2);
    other.append(2, 99, 1, 20);
    expect(other.toJSON()).toEqual([
      rec(0),
      rec(1),
      { offset: 2, tupleId: 99, leaderEpoch: 1, appendTimeMs: 20 },
    ]);
    expect(live.toJSON()).toEqual([0, 1, 2, 3].map((o) => rec(o)));
    expect(keyframe.toJSON()).toEqual([0, 1, 2, 3].map((o) => rec(o)));
    // The same through push (a follower copying a leader's record object).
    const follower = keyframe.share(1);
    follower.push(rec(1, 42));
    expect(follower.toJSON()).toEqual([rec(0), rec(1, 42)]);
    expect(keyframe.get(1)).toEqual(rec(1));
  });

  it('reads nothing past its own length', () => {
    const live = filled(4);
    const short = live.share(2);
    expect(short.at(2)).toBeUndefined();
    expect(() => short.get(2)).toThrow(RangeError);
    expect(short.tail(5)).toEqual([rec(0), rec(1)]);
    expect(short.slice(1).toJSON()).toEqual([rec(1)]);
    expect(JSON.parse(JSON.stringify({ log: short }))).toEqual({ log: [rec(0), rec(1)] });
  });
});
