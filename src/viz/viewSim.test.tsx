// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useSim } from '../store/simStore';
import { useViewSim, type ViewFollow, ViewFollowContext, viewFollow } from './viewSim';

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

  it('is frozen only out of sight while playing: paused, every view is current', () => {
    expect(viewFollow(false, true)).toBe('frozen');
    expect(viewFollow(true, true)).toBe('live');
    expect(viewFollow(false, false)).toBe('live');
    expect(viewFollow(true, false)).toBe('live');
  });
});
