// The room ui/shell: the app's frame (header, navigation, notices, the workspace of panels, routing, the
// saved session).
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useProgress } from '../../store/progress';
import { spotlightClass, useRoute } from '../../store/route';
import { useSim } from '../../store/simStore';
import { showsKeySkew } from '../../viz/keys/keySkew';
import { estimatedMapHeight } from '../../viz/map/estimate';
import { ProducerLanes } from '../../viz/producers/ProducerLanes';
import { Presenter, PresenterLayer, PresenterProvider, usePresenterKeys } from '../presenter/Presenter';
import { Playback } from '../transport/playback';
import { RunProgress } from '../transport/RunProgress';
import { ShortcutsDialog } from '../transport/ShortcutsDialog';
import { Transport } from '../transport/Transport';
import { useShortcuts } from '../transport/useShortcuts';
import { FrameStats } from './FrameStats';
import { Header } from './Header';
import { NavBar } from './NavBar';
import { Notices } from './Notices';
import { readRoute } from './navigate';
import { Panel } from './Panel';
import { useUrlSync } from './useUrlSync';
import { firstVisit } from './welcomeVisit';
import './App.css';

// The Spark Streaming views load only for scenarios that have a streaming application.
const StreamingPanels = lazy(() => import('../streaming/StreamingPanels'));
const EventTimePanels = lazy(() => import('../eventtime/EventTimePanels'));
const QueryPanels = lazy(() => import('../query/QueryPanels'));
// Below the lanes, and not needed for the first picture: loaded after it (initial JS budget).
const StepLog = lazy(() => import('../transport/StepLog').then((m) => ({ default: m.StepLog })));
const StreamingInspector = lazy(() =>
  import('../inspect/StreamingInspector').then((m) => ({ default: m.StreamingInspector })),
);
// Code export for scenarios without a streaming application (StreamingPanels shows it for those).
const CodeExport = lazy(() =>
  import('../export/SparkCodePanel').then((m) => ({ default: m.SparkCodePanel })),
);

// The learning pages load on first visit (most of their weight is text).
// The comparison sits at the foot of the page: it loads after the first paint.
const ComparePanel = lazy(() =>
  import('../delivery/ComparePanel').then((m) => ({ default: m.ComparePanel })),
);
const LessonsPage = lazy(() => import('../learn/LessonsPage'));
const QuestionsPage = lazy(() => import('../learn/QuestionsPage'));
const LessonDock = lazy(() => import('../learn/LessonDock'));
// Loaded only for scenarios about key skew (viz/keys/keySkew.ts).
const KeyCounts = lazy(() => import('../../viz/keys/KeyCounts'));
// The start panel loads only on a first visit.
const Welcome = lazy(() => import('./Welcome'));
// The pipeline map and its layout library (dagre) are not in the first script: they start loading as
// soon as this module runs, so the map is usually there by the first render and the views under it
// do not move (its placeholder keeps about its room meanwhile).
const pipelineMap = import('../../viz/map/PipelineMap');
const PipelineMap = lazy(() => pipelineMap);
// The inspectors are not in the first script either (issue 19's additions had to fit issue 13's
// budget); like the map they start loading at once, and are there long before a first click.
const inspectors = Promise.all([import('../inspect/TupleInspector'), import('../inspect/EntityInspector')]);
const TupleInspector = lazy(() => inspectors.then(([m]) => ({ default: m.TupleInspector })));
const EntityInspector = lazy(() => inspectors.then(([, m]) => ({ default: m.EntityInspector })));
// The broker, queue and consumer views load with the first scenario that has them.
const DeliveryPanels = lazy(() => import('../delivery/DeliveryPanels'));

export function App() {
  return (
    <Playback.Provider>
      <PresenterProvider>
        <Shell />
      </PresenterProvider>
    </Playback.Provider>
  );
}

/** Reads the page from the hash at start and on every change (links, Back and Forward). */
function useRouteSync(): void {
  useEffect(() => {
    readRoute();
    window.addEventListener('hashchange', readRoute);
    return () => window.removeEventListener('hashchange', readRoute);
  }, []);
}

function Shell() {
  const route = useRoute((s) => s.route);
  const embed = useRoute((s) => s.embed);
  const presenting = Presenter.useSelector((s) => !s.matches('off'));
  const presenter = Presenter.useActorRef();
  useRouteSync();
  usePresenterKeys();
  useProgressNotice();
  const page = route.page;
  const learning = page === 'lessons' || page === 'questions' || page === 'question' || page === 'quiz';
  return (
    <div className={`app${presenting ? ' app--presenter' : ''}${embed ? ' app--embed' : ''}`}>
      {embed ? <EmbedBar /> : <SimulatorHeader onPresent={() => presenter.send({ type: 'TOGGLE' })} />}
      <Notices />
      {learning ? (
        <Suspense fallback={<p className="page-loading">Loading…</p>}>
          {page === 'lessons' ? <LessonsPage /> : <QuestionsPage />}
        </Suspense>
      ) : (
        <Simulator lesson={route.page === 'lesson'} />
      )}
      <PresenterLayer />
    </div>
  );
}

/** Saved progress that could not be read was reset: say so once. */
function useProgressNotice(): void {
  const problem = useProgress((s) => s.restoreProblem);
  useEffect(() => {
    if (!problem) return;
    useSim.getState().notify(problem);
    useProgress.getState().acknowledgeRestoreProblem();
  }, [problem]);
}

/** The header and the main navigation (hidden in presenter mode by the stylesheet). */
function SimulatorHeader({ onPresent }: { onPresent: () => void }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useShortcuts(openHelp);
  return (
    <div className="chrome">
      <Header onHelp={openHelp} />
      <NavBar onPresent={onPresent} />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

/** In a course page's iframe: the scenario's name and a way out to the full app. */
function EmbedBar() {
  const name = useSim((s) => s.sim.scenario.spec.name);
  useShortcuts(noop);
  const full = new URL(window.location.href);
  full.searchParams.delete('embed');
  return (
    <div className="embedbar">
      <span className="brand__name">Streamscope</span>
      <span className="embedbar__name">{name}</span>
      <a href={full.toString()} target="_blank" rel="noopener">
        Open in Streamscope
      </a>
    </div>
  );
}

const noop = () => {};

function Simulator({ lesson }: { lesson: boolean }) {
  const actor = Playback.useActorRef();
  const spotlight = useRoute((s) => s.spotlight);
  const embed = useRoute((s) => s.embed);
  useUrlSync(actor);
  // A link may open at the last moment: let the machine know where the run stands.
  useEffect(() => actor.send({ type: 'LOADED' }), [actor]);
  const scenario = useSim((s) => s.sim.scenario.spec);
  const keySkew = useSim((s) => showsKeySkew(s.sim));
  const entitySelected = useSim((s) => s.selectedEntity !== null);
  const streamingSelected = useSim(
    (s) => s.selectedEntity?.kind === 'batch' || s.selectedEntity?.kind === 'dstream',
  );
  const playing = Playback.useSelector((s) => s.matches('playing'));
  const presenting = Presenter.useSelector((s) => !s.matches('off'));
  return (
    <>
      <main
        className={`workspace${lesson ? ' workspace--lesson' : ''}${playing ? ' is-playing' : ''}`}
        aria-label="Simulator"
      >
        <div className="workspace__main">
          {firstVisit && !lesson && !embed && (
            <Suspense fallback={null}>
              <Welcome />
            </Suspense>
          )}
          <Panel
            id="map"
            wave={2}
            title="Pipeline map"
            lede="What this scenario is made of, and its tuples travelling through it."
          >
            <Suspense
              fallback={
                <p className="pipemap-loading" style={{ minHeight: estimatedMapHeight(scenario) }}>
                  Loading the pipeline map…
                </p>
              }
            >
              <PipelineMap presenting={presenting} />
            </Suspense>
          </Panel>
          <Panel id="producers" title="Producers" lede={scenario.description} turn={0} wave={1}>
            <FrameStats />
            <ProducerLanes />
            {keySkew && (
              <Suspense fallback={<p className="muted">Loading the key counts…</p>}>
                <KeyCounts />
              </Suspense>
            )}
            <Suspense
              fallback={
                <div className="steplog">
                  <div className="steplog__body" />
                </div>
              }
            >
              <StepLog />
            </Suspense>
          </Panel>
          {(scenario.messaging || scenario.delivery) && (
            <Suspense fallback={<p className="panel">Loading the broker’s views…</p>}>
              <DeliveryPanels />
            </Suspense>
          )}
          {scenario.query && (
            <Suspense fallback={<p className="panel">Loading the Structured Streaming views…</p>}>
              <QueryPanels />
            </Suspense>
          )}
          {(scenario.eventTime || scenario.query?.operator.kind === 'windowAggregation') && (
            <Suspense fallback={<p className="panel">Loading the event-time views…</p>}>
              <EventTimePanels />
            </Suspense>
          )}
          {scenario.streaming && (
            <Suspense fallback={<p className="panel">Loading the Spark Streaming views…</p>}>
              <StreamingPanels />
            </Suspense>
          )}
          {/* Code export: Kafka commands and event-time code when there is no streaming app. */}
          {!scenario.streaming && (scenario.delivery || scenario.eventTime) && (
            <Panel id="code" title="Code export">
              <Suspense fallback={<p>Loading the code export…</p>}>
                <CodeExport />
              </Suspense>
            </Panel>
          )}
          {(scenario.delivery || scenario.messaging) && (
            <Panel id="compare" title="Comparison">
              <Suspense fallback={<p>Loading the comparison…</p>}>
                <ComparePanel />
              </Suspense>
            </Panel>
          )}
        </div>
        <div className="workspace__side">
          {lesson && (
            <Suspense fallback={<p className="panel">Loading the lesson…</p>}>
              <LessonDock />
            </Suspense>
          )}
          <div className={`workspace__inspector${spotlightClass(spotlight, 'inspector')}`}>
            {streamingSelected ? (
              <Suspense fallback={<p className="panel">Loading the inspector…</p>}>
                <StreamingInspector />
              </Suspense>
            ) : (
              <Suspense fallback={<p className="panel">Loading the inspector…</p>}>
                {entitySelected ? <EntityInspector /> : <TupleInspector />}
              </Suspense>
            )}
          </div>
        </div>
      </main>
      <Transport />
      <RunProgress />
    </>
  );
}
