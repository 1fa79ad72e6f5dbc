// The room ui/eventtime: the event-time query page (its panels and query controls); loaded lazily.
import { EventTimeComparison } from '../../viz/eventtime/Comparison';
import { DbmsVsStream } from '../../viz/eventtime/DbmsVsStream';
import { EventTimePlot } from '../../viz/eventtime/EventTimePlot';
import { WindowResults } from '../../viz/eventtime/WindowResults';
import { Panel } from '../shell/Panel';
import { EventTimeControls } from './EventTimeControls';

/** Event time, watermarks and windows: the plot, the results (with a comparison) and DBMS vs stream. */
export default function EventTimePanels() {
  return (
    <>
      <Panel id="etplot" title="Event time plot" wave={3}>
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
