import type { Simulation } from '../../engine';
import type { Lesson } from '../types';

/** The moment the second step opens at; its task counts the tuples that arrive after it. */
const QUERY_AT_MS = 6000;

/** How many tuples have arrived after `fromMs`, up to the cursor (none while the cursor is before it). */
function arrivedSince(sim: Simulation, fromMs: number): number {
  return sim.timeMs <= fromMs ? 0 : sim.arrivalsBetween(fromMs, sim.timeMs).length;
}

export const dbmsVsStreamsLesson: Lesson = {
  id: 'dbms-vs-streams',
  topic: 'dbms-vs-streams',
  title: 'Data at rest, data in motion',
  summary:
    'A database stores data and answers when asked; a stream processor runs the query all the time as the data flows past.',
  steps: [
    {
      title: 'A database waits to be asked',
      body: [
        'A database management system (DBMS) keeps data at rest. Every tuple is stored first, in a table, and a query runs only when someone asks: it reads what is stored at that moment and returns one answer.',
        'Look at the DBMS vs stream panel. On the left, every reading that has arrived is already a row in the table `readings`. Nothing is computed until you press Run query, and the answer is a snapshot, stamped with the moment you asked.',
        'This suits questions asked on demand about the data as it stands at that moment, however often it changes: an account balance that transactions update all day, a monthly report, a search over last year’s orders. What a database does not do by itself is tell you when an answer has changed: you have to ask again.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 6000 },
      highlight: ['dbms'],
    },
    {
      title: 'A stream processor answers all the time',
      body: [
        'A stream processor turns this around. The query is registered once and keeps standing (a continuous query), and the data flows through it. Each tuple updates the result as it passes, so the answer is always current.',
        'On the right of the panel the same `SELECT key, COUNT(*), AVG(value) … GROUP BY key` runs over `STREAM readings`. It does not keep the tuples themselves: per key it only needs a running count and a running sum.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: QUERY_AT_MS },
      highlight: ['dbms', 'producers'],
      task: {
        text: 'Press Run query in the Database pane. Then press Space to play until at least 20 more readings have arrived: the database’s answer says how far behind it is, while the stream’s table moves with every tuple.',
        hint: 'Run query is the button under the SQL on the left. Space plays and pauses; the → key steps 0.1 s at a time. The “arrived” counter above the lanes counts the readings.',
        check: (ctx) => arrivedSince(ctx.sim, QUERY_AT_MS) >= 20,
      },
    },
    {
      title: 'Unbounded data, bounded memory',
      body: [
        'A stream has no end. A database can wait until all the data is in and then compute; a stream processor never sees “all the data”, so it answers from what has passed so far and keeps only a small summary: counts, sums, the contents of a recent window.',
        'That is why stream queries are usually windowed (a count per 5 seconds, say) and why they need a notion of time: when is a window complete? The Event time plot and Window results panels, and the rest of this course, are about that question.',
        'The two are not rivals. Many systems also store the stream (Kafka keeps its log for days), so a database-style query can look at the past while the stream processor keeps up with the present.',
      ],
      frame: { scenario: 'watermarks', seed: 5, timeMs: 20000 },
      highlight: ['dbms', 'wresults'],
      task: {
        text: 'Press End to jump to the last moment of the run. Compare the number of rows the database has stored with what the stream processor keeps: one count and one sum per key.',
        hint: 'End jumps to the last moment and Home back to the start; you can also drag the time slider at the bottom to its right end.',
        check: (ctx) => ctx.sim.atEnd,
      },
    },
  ],
};
