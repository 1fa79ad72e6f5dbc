// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useSim } from '../store/simStore';
import { PACED_SPEED, useViewSim, type ViewFollow, ViewFollowContext, viewFollow } from './viewSim';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let renders = 0;
function TickView() {
  const tick = useViewSim((s) => s.tick);
  renders++;
  return <p>tick {tick}</p>;
}

function mount(follow: ViewFollow): { host: HTMLElement; root: Root; follow: (f: ViewFollow) => void } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const render = (f: ViewFollow) =>
    act(() =>
      root.render(
        <ViewFollowContext value={f}>
          <TickView />
        </ViewFollowContext>,
      ),
    );
  render(follow);
  return { host, root, follow: render };
}

describe('a view out of sight while playing (issue 19)', () => {
  afterEach(() => {
    act(() => useSim.getState().reset());
    document.body.innerHTML = '';
    renders = 0;
  });

  it('does not render on the run’s steps while frozen, and catches up at once when live again', () => {
    const { host, follow } = mount('frozen');
    const before = renders;
    act(() => {
      useSim.getState().stepForward();
      useSim.getState().stepForward();
    });
    expect(renders).toBe(before);
    expect(host.textContent).toBe('tick 0');
    follow('live');
    expect(host.textContent).toBe('tick 2');
    act(() => useSim.getState().stepForward());
    expect(host.textContent).toBe('tick 3');
  });

  it('follows every step while live', () => {
    const { host } = mount('live');
    act(() => useSim.getState().stepForward());
    expect(host.textContent).toBe('tick 1');
  });

  it('is frozen only out of sight while playing; paused, it is live in sight and follows in the background out of it', () => {
    expect(viewFollow(false, true)).toBe('frozen');
    expect(viewFollow(true, true)).toBe('live');
    expect(viewFollow(false, false)).toBe('background');
    expect(viewFollow(true, false)).toBe('live');
  });

  it('in the background, follows a change after the live views have drawn it, not in the same task', async () => {
    const live = mount('live');
    const background = mount('background');
    const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    env.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      useSim.getState().stepForward();
      // The store's change renders the live view in this task's microtasks, the other one later.
      await Promise.resolve();
      expect(live.host.textContent).toBe('tick 1');
      expect(background.host.textContent).toBe('tick 0');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(background.host.textContent).toBe('tick 1');
      // Several changes while it waits: it shows the last.
      useSim.getState().stepForward();
      useSim.getState().stepForward();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect([live.host.textContent, background.host.textContent]).toEqual(['tick 3', 'tick 3']);
    } finally {
      env.IS_REACT_ACT_ENVIRONMENT = true;
    }
    // Brought into sight, it is live again.
    background.follow('live');
    act(() => useSim.getState().stepForward());
    expect(background.host.textContent).toBe('tick 4');
  });

  it('takes its turn in sight while playing fast, and is live paused or slower', () => {
    expect(viewFollow(true, true, PACED_SPEED, 0)).toBe('turn-0');
    expect(viewFollow(true, true, 16, 1)).toBe('turn-1');
    expect(viewFollow(true, true, PACED_SPEED / 2, 0)).toBe('live');
    expect(viewFollow(true, false, 16, 0)).toBe('live');
    expect(viewFollow(false, true, 16, 0)).toBe('frozen');
  });

  it('taking turns, two views follow the run on alternate playback frames and both catch up when live', () => {
    const tickMs = useSim.getState().sim.scenario.spec.tickMs;
    act(() => useSim.setState({ playFrame: 0 }));
    const a = mount('turn-0');
    const b = mount('turn-1');
    const seen = () => [a.host.textContent, b.host.textContent];
    const shown: string[][] = [];
    for (let frame = 0; frame < 4; frame++) {
      act(() => useSim.getState().advanceBy(tickMs));
      shown.push(seen() as string[]);
    }
    // playFrame 1, 2, 3, 4 after each frame: turn 1 draws on odd frames, turn 0 on even ones.
    expect(shown).toEqual([
      ['tick 0', 'tick 1'],
      ['tick 2', 'tick 1'],
      ['tick 2', 'tick 3'],
      ['tick 4', 'tick 3'],
    ]);
    a.follow('live');
    b.follow('live');
    expect(seen()).toEqual(['tick 4', 'tick 4']);
  });
});
