// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewBoundary } from './ViewBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Broken(): never {
  throw new Error('layout exploded');
}

describe('a failing view', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('shows a message and a copyable report, and the views beside it keep working', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() =>
      root.render(
        <>
          <ViewBoundary view="Event time plot">
            <Broken />
          </ViewBoundary>
          <ViewBoundary view="Window results">
            <p>results are fine</p>
          </ViewBoundary>
        </>,
      ),
    );
    const alert = host.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The Event time plot view stopped working.');
    const report = host.querySelector('textarea') as HTMLTextAreaElement;
    expect(report.value).toContain('View: Event time plot');
    expect(report.value).toContain('Error: layout exploded');
    expect(host.textContent).toContain('results are fine');
    act(() => root.unmount());
  });
});
