// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CUSTOM_SCENARIO_ID, useSim } from '../../store/simStore';
import { Playback } from '../transport/playback';
import ScenarioEditor from './ScenarioEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
let onClose: ReturnType<typeof vi.fn<(returnFocus: boolean) => void>>;

const q = <T extends Element>(selector: string) => host.querySelector<T>(selector) as T;
const byText = (selector: string, text: string) =>
  [...host.querySelectorAll<HTMLElement>(selector)].find((el) =>
    el.textContent?.trim().startsWith(text),
  ) as HTMLElement;
const click = (el: HTMLElement) => act(() => el.click());
/** Types into a controlled input the way a browser does: the value changes, then an input event. */
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeEach(() => {
  useSim.setState({ notices: [] });
  useSim.getState().load('kafka-failover');
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  onClose = vi.fn<(returnFocus: boolean) => void>();
  act(() =>
    root.render(
      <Playback.Provider>
        <ScenarioEditor onClose={onClose} />
      </Playback.Provider>,
    ),
  );
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('the scenario editor', () => {
  it('opens as a labelled modal dialog on the running scenario', () => {
    const dialog = q<HTMLDialogElement>('dialog');
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('ed-title');
    expect(q('#ed-title').textContent).toBe('Edit scenario');
    expect(q<HTMLInputElement>('[data-path="name"]').value).toBe('Kafka: a broker and a consumer fail');
    expect(q('[role="tab"][aria-selected="true"]').textContent).toBe('General');
  });

  it('applies a change made in the form: the store runs the edited scenario', () => {
    click(byText('[role="tab"]', 'Producers'));
    type(q<HTMLInputElement>('[data-path="producers[0].ratePerSec"]'), '45');
    click(byText('[role="tab"]', 'Broker'));
    type(q<HTMLInputElement>('[data-path="delivery.partitions"]'), '6');
    click(byText('button', 'Apply'));
    const s = useSim.getState();
    expect(s.presetId).toBe(CUSTOM_SCENARIO_ID);
    expect(s.base.producers[0]?.ratePerSec).toBe(45);
    expect(s.base.delivery?.partitions).toBe(6);
    expect(q<HTMLDialogElement>('dialog').open).toBe(false);
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('on a problem names the field, focuses it and changes nothing', () => {
    const before = useSim.getState().sim;
    type(q<HTMLInputElement>('[data-path="durationMs"]'), '24050');
    click(byText('[role="tab"]', 'Producers'));
    click(byText('button', 'Apply'));
    expect(q('[role="alert"]').textContent).toBe(
      'durationMs: must be a whole number of ticks (tickMs 100): use 24100, or a tickMs that divides 24050',
    );
    expect(q('[role="tab"][aria-selected="true"]').textContent).toBe('General');
    expect(document.activeElement).toBe(q('[data-path="durationMs"]'));
    expect(useSim.getState().sim).toBe(before);
    expect(q<HTMLDialogElement>('dialog').open).toBe(true);
  });

  it('keeps the form and the JSON tab on the same draft, and will not leave JSON that does not parse', () => {
    type(q<HTMLInputElement>('[data-path="name"]'), 'Renamed');
    click(byText('[role="tab"]', 'JSON'));
    const json = q<HTMLTextAreaElement>('#ed-json');
    expect(JSON.parse(json.value).name).toBe('Renamed');
    type(json, json.value.replace('"Renamed"', '"Renamed again"').replace('"seed": 4', '"seed": 4,'));
    click(byText('[role="tab"]', 'General'));
    expect(q('[role="tab"][aria-selected="true"]').textContent).toBe('JSON');
    expect(q('[role="alert"]').textContent).toMatch(/^The JSON is not valid: /);
    type(json, json.value.replace('"seed": 4,', '"seed": 4'));
    click(byText('[role="tab"]', 'General'));
    expect(q<HTMLInputElement>('[data-path="name"]').value).toBe('Renamed again');
  });

  it('adds and removes producers, tuples and faults', () => {
    click(byText('[role="tab"]', 'Producers'));
    click(byText('button', 'Add a producer'));
    expect(q<HTMLInputElement>('[data-path="producers[1].id"]').value).toBe('p2');
    click(byText('button', 'Remove producer 1'));
    expect(q<HTMLInputElement>('[data-path="producers[0].id"]').value).toBe('p2');
    click(byText('[role="tab"]', 'Explicit tuples'));
    click(byText('button', 'Add a tuple'));
    expect(q<HTMLSelectElement>('[data-path="tuples[0].producer"]').value).toBe('p2');
    click(byText('[role="tab"]', 'Faults'));
    expect(host.querySelectorAll('[data-path$=".atMs"]')).toHaveLength(3);
    click(byText('button', 'Add a fault'));
    expect(host.querySelectorAll('[data-path$=".atMs"]')).toHaveLength(4);
    click(byText('button', 'Apply'));
    const base = useSim.getState().base;
    expect(base.producers.map((p) => p.id)).toEqual(['p2']);
    expect(base.tuples).toHaveLength(1);
    expect(base.delivery?.faults).toHaveLength(4);
  });
});
