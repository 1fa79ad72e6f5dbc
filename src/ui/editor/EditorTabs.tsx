import type { KeyboardEvent } from 'react';
import { SECTIONS, type SectionId } from './draft';
import './EditorTabs.css';

const TAB_NAMES: Record<SectionId, string> = {
  general: 'General',
  producers: 'Producers',
  tuples: 'Explicit tuples',
  broker: 'Broker',
  pipeline: 'Pipeline',
  faults: 'Faults',
  json: 'JSON',
};

export const tabId = (id: SectionId) => `ed-tab-${id}`;
export const PANEL_ID = 'ed-panel';

/**
 * The editor's tabs (the ARIA tabs pattern): ← → Home End move between them. `onSwitch` may refuse
 * (JSON that does not parse yet), and then the focus stays.
 */
export function EditorTabs({
  tab,
  counts,
  onSwitch,
}: {
  tab: SectionId;
  counts: Partial<Record<SectionId, number>>;
  onSwitch: (next: SectionId) => boolean;
}) {
  const onKeyDown = (e: KeyboardEvent) => {
    const i = SECTIONS.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: SECTIONS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const id = SECTIONS[(next + SECTIONS.length) % SECTIONS.length] as SectionId;
    if (onSwitch(id)) document.getElementById(tabId(id))?.focus();
  };
  return (
    <div role="tablist" aria-label="Parts of the scenario" className="editor__tabs" onKeyDown={onKeyDown}>
      {SECTIONS.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={tabId(id)}
          aria-selected={tab === id}
          aria-controls={PANEL_ID}
          tabIndex={tab === id ? 0 : -1}
          className="tab editor__tab"
          onClick={() => onSwitch(id)}
        >
          {TAB_NAMES[id]}
          {counts[id] ? <span className="editor__count"> {counts[id]}</span> : null}
        </button>
      ))}
    </div>
  );
}
