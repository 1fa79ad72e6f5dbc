// The room ui/eventtime: the event-time query page (its panels and query controls); loaded lazily.
import { useEffect } from 'react';
import { analysisOf } from '../../store/eventTime';
import { useSim } from '../../store/simStore';
import { EventTimeComparison } from '../../viz/eventtime/Comparison';
import { DbmsVsStream } from '../../viz/eventtime/DbmsVsStream';
import { EventTimePlot } from '../../viz/eventtime/EventTimePlot';
import { WindowResults } from '../../viz/eventtime/WindowResults';
import { Panel } from '../shell/Panel';
import { EventTimeControls } from './EventTimeControls';

/** Event time, watermarks and windows: the plot, the results (with a comparison) and DBMS vs stream. */
export default function EventTimePanels() {
  useRunningQueryAnalysis();
  return (
    <>
      <Panel id="etplot" title="Event time plot">
        <EventTimeControls />
        <EventTimePlot />
      </Panel>
      <Panel id="wresults" title="Window results">
        <WindowResults />
        <h3>Side by side</h3>
        <EventTimeComparison />
      </Panel>
      <Panel id="dbms" title="DBMS vs stream">
        <DbmsVsStream />
      </Panel>
    </>
  );
}

/**
 * A running query's analysis reads its records from the run at the cursor, so it can only be built
 * when the cursor is at the run's frontier (a tuple after the cursor cannot be read). The views out of
 * sight no longer render every step (viz/viewSim.ts) and may first ask for it after a seek back: keep
 * it built as the frontier moves, as the views in sight did when every view rendered every step.
 */
function useRunningQueryAnalysis(): void {
  useEffect(() => {
    const build = ({ sim }: ReturnType<typeof useSim.getState>) => {
      if (!sim.scenario.spec.eventTime && sim.scenario.spec.query && sim.tick === sim.frontier)
        analysisOf(sim);
    };
    build(useSim.getState());
    return useSim.subscribe(build);
  }, []);
}
