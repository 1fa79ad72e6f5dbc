// The room ui/editor: the scenario editor dialog (a form per part of a scenario, JSON, import and export);
// loaded lazily.
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ScenarioProblem } from '../../scenarios/validate';
import {
  checkScenario,
  clip,
  compactScenario,
  kilobytes,
  MAX_IMPORT_BYTES,
  problemText,
  sameJson,
  scenarioFileName,
  scenarioFileText,
} from '../../store/customScenario';
import { currentScenario, linkSizeOf, type SimStore, useSim } from '../../store/simStore';
import { MAX_LINK_SCENARIO_CHARS } from '../../store/url';
import { FormProblems } from '../../viz/FormProblems';
import { Playback } from '../transport/playback';
import { BrokerSection } from './BrokerSection';
import { EditorContext } from './context';
import {
  type Draft,
  draftOfText,
  enclosing,
  getAt,
  type Path,
  pretty,
  type SectionId,
  sectionOf,
  setAt,
} from './draft';
import { EditorTabs, PANEL_ID, tabId } from './EditorTabs';
import { FaultsSection } from './FaultsSection';
import { GeneralSection } from './GeneralSection';
import { downloadText, importScenarioFile } from './importFile';
import { JsonSection } from './JsonSection';
import { PipelineSection } from './PipelineSection';
import { ProducersSection } from './ProducersSection';
import { TuplesSection } from './TuplesSection';
import './sections.css';
import './ScenarioEditor.css';

const SOURCE_NAMES: Record<SimStore['source'], string> = {
  preset: 'built in',
  edited: 'edited',
  imported: 'imported from a file',
  linked: 'opened from a link',
};

const selectRunning = (s: SimStore) => ({ name: s.base.name, source: s.source, link: linkSizeOf(s).chars });
const draftOfStore = (): Draft => compactScenario(currentScenario(useSim.getState()));
const count = (draft: Draft, ...path: Path) => {
  const list = getAt(draft, path);
  return Array.isArray(list) ? list.length : 0;
};

/**
 * The scenario editor: the running scenario as a form in tabs, or as JSON. Nothing changes until
 * Apply, which checks the whole scenario like a file; problems name their field and the focus goes
 * to the first. Import and export use the scenario file format. Mounted while open.
 */
export default function ScenarioEditor({
  onClose,
}: {
  /** `returnFocus`: false when the editor hands the focus elsewhere (the pipeline builder). */
  onClose: (returnFocus: boolean) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const problemsBox = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const returnFocus = useRef(true);
  const actor = Playback.useActorRef();
  const running = useSim(useShallow(selectRunning));
  const [draft, setDraft] = useState<Draft>(draftOfStore);
  const [tab, setTab] = useState<SectionId>('general');
  const [jsonText, setJsonText] = useState('');
  const [rawJson, setRawJsonState] = useState<Readonly<Record<string, string>>>({});
  const [problems, setProblems] = useState<{ title: string; list: readonly ScenarioProblem[] } | null>(null);
  const [status, setStatus] = useState('');
  const [dragging, setDragging] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ path: string | null } | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // A file dropped beside the dialog (on the backdrop) must not replace the page.
    const keep = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  useEffect(() => {
    if (!focusRequest) return;
    const d = dialog.current;
    const target = (focusRequest.path ? enclosing(focusRequest.path) : [])
      .map((p) => d?.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]:not(:disabled)`))
      .find((el) => el);
    (target ?? problemsBox.current)?.focus();
  }, [focusRequest]);

  const set = useCallback((path: Path, value: unknown, seed?: object) => {
    setDraft((d) => setAt(d, path, value, seed) as Draft);
  }, []);
  const setRawJson = useCallback((path: string, text: string | null) => {
    setRawJsonState(({ [path]: _, ...rest }) => (text === null ? rest : { ...rest, [path]: text }));
  }, []);
  const api = useMemo(() => ({ draft, set, rawJson, setRawJson }), [draft, set, rawJson, setRawJson]);

  /** Shows problems and moves the focus to the first one's field (or to the list). */
  const report = (title: string, list: readonly ScenarioProblem[], toField = true) => {
    setStatus('');
    setProblems({ title, list });
    const path = toField ? (list[0]?.path ?? '') : '';
    const section = tab === 'json' ? 'json' : path ? sectionOf(path) : tab;
    if (section !== tab) {
      if (section === 'json') setJsonText(pretty(draft));
      setTab(section);
    }
    // In the JSON tab the text is where to fix it; elsewhere, the field the problem names.
    setFocusRequest({ path: !toField ? null : section === 'json' ? 'json' : path || null });
  };

  /** Text areas whose JSON does not parse: the draft does not hold what the learner sees. */
  const unparsed = (): ScenarioProblem[] =>
    Object.entries(rawJson).flatMap(([path, text]) => {
      try {
        JSON.parse(text);
        return [];
      } catch (e) {
        return [{ path, message: `is not valid JSON: ${(e as Error).message}` }];
      }
    });

  /** The scenario as typed: the JSON tab's text, or the form's draft. */
  const collect = (): { ok: true; draft: Draft } | { ok: false; problems: ScenarioProblem[] } => {
    if (tab === 'json') {
      const r = draftOfText(jsonText);
      return r.ok ? r : { ok: false, problems: [{ path: '', message: r.message }] };
    }
    const bad = unparsed();
    return bad.length > 0 ? { ok: false, problems: bad } : { ok: true, draft };
  };

  const switchTo = (next: SectionId): boolean => {
    if (next === tab) return true;
    const typed = collect();
    if (!typed.ok) {
      report(tab === 'json' ? 'Fix the JSON first (or Cancel):' : 'Fix this first:', typed.problems);
      return false;
    }
    if (tab === 'json' && !sameJson(typed.draft, draft)) {
      setDraft(typed.draft);
      setRawJsonState({});
    }
    if (next === 'json') setJsonText(pretty(typed.draft));
    setProblems(null);
    setTab(next);
    return true;
  };

  const apply = () => {
    const typed = collect();
    if (!typed.ok) return report('The scenario was not applied:', typed.problems);
    const checked = checkScenario(typed.draft);
    if (!checked.ok) return report('The scenario was not applied:', checked.problems);
    const store = useSim.getState();
    if (!sameJson(compactScenario(checked.scenario), compactScenario(currentScenario(store)))) {
      const refused = store.loadScenario(checked.scenario, 'edited');
      if (refused.length > 0) return report('The scenario was not applied:', refused);
      actor.send({ type: 'LOADED' });
    }
    dialog.current?.close();
  };

  const exportJson = () => {
    const typed = collect();
    if (!typed.ok) return report('The scenario was not exported:', typed.problems);
    const checked = checkScenario(typed.draft);
    if (!checked.ok) return report('The scenario was not exported (fix it first):', checked.problems);
    const fileName = scenarioFileName(checked.scenario);
    const schemaUrl = new URL('scenario.schema.json', document.baseURI).href;
    downloadText(fileName, scenarioFileText(checked.scenario, schemaUrl), dialog.current ?? undefined);
    setProblems(null);
    setStatus(`Exported “${fileName}”.`);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus('');
    const result = await importScenarioFile(file);
    if (!result.ok) return report(`“${clip(file.name)}” was not imported:`, result.problems, false);
    actor.send({ type: 'LOADED' });
    const next = draftOfStore();
    setDraft(next);
    setRawJsonState({});
    setJsonText(pretty(next));
    setProblems(null);
    setStatus(`Imported “${clip(file.name)}”: “${clip(result.name)}” is running now.`);
  };

  const openBuilder = () => {
    returnFocus.current = false;
    dialog.current?.close();
    requestAnimationFrame(() => {
      const panel = document.querySelector('section[aria-labelledby="pipeline-title"]');
      panel?.scrollIntoView({ block: 'start' });
      panel?.querySelector<HTMLElement>('.builder select, .builder button, .builder input')?.focus();
    });
  };

  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');
  const counts: Partial<Record<SectionId, number>> = {
    producers: count(draft, 'producers'),
    tuples: count(draft, 'tuples'),
    faults: count(draft, 'delivery', 'faults') + count(draft, 'messaging', 'faults'),
  };

  return (
    <dialog
      ref={dialog}
      className={`dialog editor${dragging ? ' editor--dragging' : ''}`}
      aria-labelledby="ed-title"
      aria-describedby="ed-lede"
      onClose={() => onClose(returnFocus.current)}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(false);
        void importFile(e.dataTransfer.files[0]);
      }}
    >
      <div className="editor__head">
        <h2 id="ed-title">Edit scenario</h2>
        <p id="ed-lede" className="editor__lede">
          Running “{running.name}” ({SOURCE_NAMES[running.source]}). Nothing changes until you press Apply.
          Drop a scenario file here to import it.
        </p>
      </div>
      <EditorTabs tab={tab} counts={counts} onSwitch={switchTo} />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(tab)} className="editor__panel">
        <EditorContext.Provider value={api}>
          {tab === 'general' && <GeneralSection />}
          {tab === 'producers' && <ProducersSection />}
          {tab === 'tuples' && <TuplesSection />}
          {tab === 'broker' && <BrokerSection />}
          {tab === 'pipeline' && <PipelineSection onOpenBuilder={openBuilder} />}
          {tab === 'faults' && <FaultsSection />}
          {tab === 'json' && <JsonSection text={jsonText} onText={setJsonText} />}
        </EditorContext.Provider>
      </div>
      <div ref={problemsBox} tabIndex={-1} className="editor__problems">
        {problems && (
          <>
            <p className="editor__problems-title">{problems.title}</p>
            <FormProblems problems={problems.list.map(problemText)} />
          </>
        )}
      </div>
      {running.link > MAX_LINK_SCENARIO_CHARS && (
        <p className="ed-note ed-note--warn">
          This scenario is too large to share by link ({running.link.toLocaleString('en')} characters in a
          link; at most {MAX_LINK_SCENARIO_CHARS.toLocaleString('en')}): links and the saved session keep a
          built-in scenario. Export it as a file instead.
        </p>
      )}
      <p role="status" className="editor__status">
        {status}
      </p>
      <div className="editor__actions">
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Import JSON…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label={`Scenario file to import (at most ${kilobytes(MAX_IMPORT_BYTES)})`}
          hidden
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            void importFile(file);
          }}
        />
        <button type="button" className="button" onClick={exportJson}>
          Export JSON
        </button>
        <span className="editor__spacer" />
        <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={apply}>
          Apply
        </button>
      </div>
    </dialog>
  );
}
