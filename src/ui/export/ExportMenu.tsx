// The room ui/export: getting things out (each view as SVG or PNG, the scenario as Spark, Flink and Kafka
// code).
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useSim } from '../../store/simStore';
import { type ExportFormat, exportableViews, exportFileName } from './exportTargets';
import './ExportMenu.css';

const ITEMS: readonly { readonly format: ExportFormat; readonly label: string; readonly hint: string }[] = [
  { format: 'svg', label: 'SVG', hint: 'vector, editable' },
  { format: 'png', label: 'PNG', hint: 'image at 2×' },
];

/**
 * A panel's "Export" menu button (WAI-ARIA menu button pattern): Enter, Space or ↓ opens it on the
 * first format, ↑ on the last; ↑/↓, Home/End and the formats' initials move; Escape closes it and
 * returns focus to the button.
 */
export function ExportMenu({
  panelId,
  title,
  panel,
}: {
  panelId: string;
  title: string;
  panel: RefObject<HTMLElement | null>;
}) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [drawable, setDrawable] = useState(true);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  const show = (index: number) => {
    // Asked when opened: what a panel draws depends on the scenario and the moment.
    setDrawable(panel.current ? exportableViews(panel.current).length > 0 : false);
    setActive(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const run = async (format: ExportFormat) => {
    close(true);
    const element = panel.current;
    if (!element || busy) return;
    const { presetId, sim } = useSim.getState();
    const fileName = exportFileName(presetId, panelId, sim.timeMs, format);
    const description = `${title}: ${sim.scenario.spec.name} at ${(sim.timeMs / 1000).toFixed(1)} s (Streamscope)`;
    setBusy(true);
    setStatus(`Exporting the ${title} view as ${format.toUpperCase()}…`);
    try {
      // The document builder loads on the first export (it is not needed to show the views).
      const { exportView } = await import('./exportView');
      await exportView(element, format, fileName, { description });
      setStatus(`Saved ${fileName}.`);
    } catch (error) {
      setStatus('');
      useSim
        .getState()
        .notify(
          `The ${title} view could not be exported as ${format.toUpperCase()} (${error instanceof Error ? error.message : String(error)}). Try the other format.`,
        );
    } finally {
      setBusy(false);
    }
  };

  // Keys the menu handles are kept from the page's shortcuts (arrows would move time).
  const onMenuKey = (event: KeyboardEvent) => {
    const n = ITEMS.length;
    switch (event.key) {
      case 'ArrowDown':
        setActive((i) => (i + 1) % n);
        break;
      case 'ArrowUp':
        setActive((i) => (i - 1 + n) % n);
        break;
      case 'Home':
        setActive(0);
        break;
      case 'End':
        setActive(n - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        return;
      default: {
        const i = ITEMS.findIndex((item) => item.label[0]?.toLowerCase() === event.key.toLowerCase());
        if (i < 0) return;
        setActive(i);
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    event.stopPropagation();
    show(event.key === 'ArrowDown' ? 0 : ITEMS.length - 1);
  };

  return (
    <div className="export-menu" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="export-menu__button"
        aria-label={`Export ${title} view`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy || undefined}
        title="Export this view for slides (SVG or PNG)"
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={onButtonKey}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path
            d="M8 2.5v7.5M4.75 7 8 10.25 11.25 7M3 13.25h10"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        Export
      </button>
      {open && (
        <div className="export-menu__popup">
          <div role="menu" id={menuId} aria-label={`Export ${title} view as`} onKeyDown={onMenuKey}>
            {ITEMS.map((item, i) => (
              <button
                key={item.format}
                ref={(el) => {
                  items.current[i] = el;
                }}
                type="button"
                role="menuitem"
                className="export-menu__item"
                tabIndex={i === active ? 0 : -1}
                aria-disabled={drawable ? undefined : true}
                onClick={() => {
                  if (drawable) void run(item.format);
                }}
                onFocus={() => setActive(i)}
              >
                <span className="export-menu__format">{item.label}</span>
                <span className="export-menu__hint">{item.hint}</span>
              </button>
            ))}
          </div>
          {!drawable && <p className="export-menu__note">This panel has no chart or diagram to export.</p>}
        </div>
      )}
      {/* Announced from outside the view, so the view keeps exactly one live region: its summary. */}
      {createPortal(
        <span className="sr-only" aria-live="polite">
          {status}
        </span>,
        document.body,
      )}
    </div>
  );
}
