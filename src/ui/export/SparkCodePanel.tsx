import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import type { ScenarioSpec, StreamingRun } from '../../engine';
import { type CodeNote, slug } from '../../scenarios/codeText';
import { eventTimeCode } from '../../scenarios/eventTimeCode';
import { hasKafkaExport, kafkaCommands } from '../../scenarios/kafkaCommands';
import { queryCode } from '../../scenarios/queryCode';
import { sparkCode } from '../../scenarios/sparkCode';
import { sqlQueryCode } from '../../scenarios/sqlCode';
import { structuredCode } from '../../scenarios/structuredCode';
import { useSqlLink } from '../../store/db/sqlLink';
import { useSim } from '../../store/simStore';
import './SparkCodePanel.css';

interface CodeText {
  readonly text: string;
  readonly notes: readonly CodeNote[];
}

interface CodeTab {
  readonly id: string;
  readonly label: string;
  readonly fileName: string;
  /** Computed only when the tab is shown: the Kafka script replays the whole run. */
  readonly content: () => CodeText;
}

/** Files longer than this many lines are folded to their first SHOWN_WHEN_FOLDED lines. */
const FOLD_AT = 80;
const SHOWN_WHEN_FOLDED = 40;

const selectCode = (s: ReturnType<typeof useSim.getState>) => ({
  sim: s.sim,
  presetId: s.presetId,
  notify: s.notify,
});

/** A function that computes its value the first time it is called. */
function once<T>(f: () => T): () => T {
  let value: { v: T } | null = null;
  return () => {
    value ??= { v: f() };
    return value.v;
  };
}

/** The tabs a scenario has: its DStream program, their Structured Streaming and Flink versions, Kafka. */
function tabsFor(spec: ScenarioSpec, run: StreamingRun | null, seed: number, name: string): CodeTab[] {
  const tabs: CodeTab[] = [];
  const file = (suffix: string) => `streamscope-${name}${suffix}`;
  const none: readonly CodeNote[] = [];
  if (spec.streaming && run) {
    const streaming = spec.streaming;
    const dstream = once(() => sparkCode(streaming, new Map(run.nodes.map((n) => [n.spec.id, n.type]))));
    const structured = once(() => structuredCode(spec));
    tabs.push(
      {
        id: 'dstream-py',
        label: 'DStream (PySpark)',
        fileName: file('-dstream.py'),
        content: () => ({ text: dstream().python, notes: none }),
      },
      {
        id: 'dstream-scala',
        label: 'DStream (Scala)',
        fileName: file('-dstream.scala'),
        content: () => ({ text: dstream().scala, notes: none }),
      },
      {
        id: 'structured-py',
        label: 'Structured Streaming (PySpark)',
        fileName: file('.py'),
        content: () => ({ text: structured()?.python ?? '', notes: structured()?.notes ?? none }),
      },
      {
        id: 'structured-scala',
        label: 'Structured Streaming (Scala)',
        fileName: file('.scala'),
        content: () => ({ text: structured()?.scala ?? '', notes: structured()?.notes ?? none }),
      },
    );
  }
  if (spec.eventTime) {
    const eventTime = once(() => eventTimeCode(spec));
    const also = spec.streaming !== undefined;
    const label = (lang: string) => (also ? `Event time (${lang})` : `Structured Streaming (${lang})`);
    tabs.push(
      {
        id: 'event-py',
        label: label('PySpark'),
        fileName: file(also ? '-event-time.py' : '.py'),
        content: () => ({ text: eventTime()?.python ?? '', notes: eventTime()?.notes ?? none }),
      },
      {
        id: 'event-scala',
        label: label('Scala'),
        fileName: file(also ? '-event-time.scala' : '.scala'),
        content: () => ({ text: eventTime()?.scala ?? '', notes: eventTime()?.notes ?? none }),
      },
    );
    if (spec.eventTime.engine === 'flink')
      // A public Java class lives in a file of its name.
      tabs.push({
        id: 'flink',
        label: 'Flink (Java)',
        fileName: 'StreamscopeJob.java',
        content: () => ({ text: eventTime()?.java ?? '', notes: eventTime()?.javaNotes ?? none }),
      });
  }
  if (spec.query) {
    const query = once(() => queryCode(spec));
    tabs.push(
      {
        id: 'query-py',
        label: 'Structured Streaming query (PySpark)',
        fileName: file('-query.py'),
        content: () => ({ text: query()?.python ?? '', notes: query()?.notes ?? none }),
      },
      {
        id: 'query-scala',
        label: 'Structured Streaming query (Scala)',
        fileName: file('-query.scala'),
        content: () => ({ text: query()?.scala ?? '', notes: query()?.notes ?? none }),
      },
    );
  }
  if (hasKafkaExport(spec)) {
    const kafka = once(() => kafkaCommands(spec, seed));
    tabs.push({
      id: 'kafka',
      label: 'Kafka commands',
      fileName: file('-kafka.sh'),
      content: () => ({ text: kafka().script, notes: kafka().notes }),
    });
  }
  return tabs;
}

/** Puts `text` in a file the browser downloads. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download only after this task: keep the URL alive a moment.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function selectContents(element: HTMLElement | null): void {
  const selection = window.getSelection();
  if (!element || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * The scenario as code for the real systems: the DStream program, its Structured Streaming
 * version, a Flink job for Flink-rule event time, and the Kafka commands that replay the run. It
 * follows every edit; each tab can be copied or downloaded.
 */
export function SparkCodePanel() {
  const { sim, presetId, notify } = useSim(useShallow(selectCode));
  const spec = sim.scenario.spec;
  const run = sim.streaming();
  const asked = useSqlLink(useShallow((x) => ({ sql: x.sql, mode: x.mode, delayMs: x.delayMs })));
  const tabs = useMemo(() => {
    const list = tabsFor(spec, run, sim.seed, slug(presetId));
    // The query asked of the database at rest, as the streaming job that runs it on the topic.
    if (asked.sql !== null) {
      const sql = asked.sql;
      list.push({
        id: 'sql-py',
        label: 'Your SQL on the stream (PySpark)',
        fileName: `streamscope-${slug(presetId)}-sql.py`,
        content: () => ({
          text: sqlQueryCode(sql, asked.mode, asked.delayMs, `${slug(presetId)}-sql`),
          notes: [],
        }),
      });
    }
    return list;
  }, [spec, run, sim.seed, presetId, asked]);
  // The DStream Scala program first, as before this panel had tabs.
  const [chosen, setChosen] = useState('dstream-scala');
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const codeRef = useRef<HTMLPreElement>(null);
  // A long file (the Kafka commands list every record) is folded, so it does not bury the page.
  const [unfoldedTab, setUnfoldedTab] = useState<string | null>(null);
  const base = useId();
  const current = tabs.find((t) => t.id === chosen) ?? tabs[0];
  const content = useMemo(() => current?.content() ?? null, [current]);
  if (!current || !content) return null;

  const choose = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length]!;
    setChosen(tab.id);
    tabRefs.current.get(tab.id)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = tabs.indexOf(current);
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    choose(to);
  };
  const lines = content.text.split('\n');
  const folded = unfoldedTab !== current.id && lines.length > FOLD_AT;
  const copy = () => {
    const byHand = () => {
      // Selecting by hand needs the whole text on the page.
      flushSync(() => setUnfoldedTab(current.id));
      selectContents(codeRef.current);
      notify('The browser did not allow copying: the code is selected, copy it with the keyboard.');
    };
    if (!navigator.clipboard) return byHand();
    navigator.clipboard
      .writeText(content.text)
      .then(() => notify(`${current.label} is on the clipboard.`), byHand);
  };
  const panelId = `${base}-panel`;
  const tabId = (id: string) => `${base}-tab-${id}`;

  return (
    <div className="code code-export">
      <div role="tablist" aria-label="Code for the real systems" className="code-tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) tabRefs.current.set(t.id, el);
              else tabRefs.current.delete(t.id);
            }}
            id={tabId(t.id)}
            type="button"
            role="tab"
            className="tab"
            aria-selected={t === current}
            aria-controls={panelId}
            tabIndex={t === current ? 0 : -1}
            onClick={() => setChosen(t.id)}
            onKeyDown={onKeyDown}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(current.id)}>
        {content.notes.length > 0 && (
          <ul className="code__notes" aria-label="What has no equivalent or behaves differently">
            {content.notes.map((n) => (
              <li key={`${n.about}:${n.text}`}>
                <strong>{n.kind === 'none' ? 'No equivalent' : 'Differs'}</strong> ({n.about}): {n.text}
              </li>
            ))}
          </ul>
        )}
        <div className="code__bar">
          <span className="code__file">{current.fileName}</span>
          <span className="code__actions">
            <button type="button" className="button button--quiet" onClick={copy}>
              Copy
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => download(content.text, current.fileName)}
            >
              Download
            </button>
          </span>
        </div>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a block that scrolls must be reachable from the keyboard (WCAG 2.1.1) */}
        <pre className="code__text" ref={codeRef} tabIndex={0}>
          <code>{folded ? lines.slice(0, SHOWN_WHEN_FOLDED).join('\n') : content.text}</code>
        </pre>
        {folded && (
          <p className="code__fold">
            <span>
              … {lines.length - SHOWN_WHEN_FOLDED} more lines. Download or Copy give the whole file.
            </span>
            <button type="button" className="button button--quiet" onClick={() => setUnfoldedTab(current.id)}>
              Show all {lines.length} lines
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
