import type { StaticQuestion } from '../types';

export const dbmsVsStreamsQuestions: readonly StaticQuestion[] = [
  {
    id: 'dbms-vs-streams-at-rest-vs-in-motion',
    topic: 'dbms-vs-streams',
    kind: 'choice',
    prompt: 'Which statement best describes the difference between a DBMS and a stream processor?',
    options: [
      {
        text: 'A DBMS handles structured data only; a stream processor handles unstructured data only.',
        why: 'Both can handle many kinds of data. The difference is when the data and the query meet, not the shape of the data.',
      },
      {
        text: 'A DBMS runs one-shot queries over data it has stored; a stream processor runs standing queries over data as it flows past.',
        why: 'Right: data at rest is queried on demand, data in motion is pushed through queries that were registered in advance and keep running.',
      },
      {
        text: 'A stream processor is a DBMS that answers faster because it keeps every table in memory.',
        why: 'In-memory databases exist and are still databases. A stream processor cannot keep an unbounded stream anywhere: it processes tuples as they arrive and keeps only bounded state.',
      },
      {
        text: 'A DBMS keeps data in tables, while a stream processor keeps every tuple forever in a log.',
        why: 'A stream processor does not have to store the stream at all; it reads tuples, updates its results and moves on.',
      },
    ],
    answer: 1,
    explanation:
      'A DBMS stores data first and answers a query when someone asks (data at rest). A stream processor registers the query first and lets the data flow through it, updating the answer as each tuple arrives (data in motion).',
    hint: 'Think about which comes first in each system: the data or the query.',
  },
  {
    id: 'dbms-vs-streams-which-fits',
    topic: 'dbms-vs-streams',
    kind: 'choice',
    prompt: 'Which of these tasks is the better fit for a stream processor rather than a DBMS?',
    options: [
      {
        text: "Find last year's ten best-selling products for the annual report.",
        why: 'This is a one-shot query over data that is already stored: exactly what a DBMS is for.',
      },
      {
        text: 'Let an analyst explore the order history with ad-hoc queries written on the spot.',
        why: 'Ad-hoc queries are not known in advance, so they cannot be registered as standing queries; they run over stored data in a DBMS.',
      },
      {
        text: 'Raise an alert within seconds when a card is used in two countries within ten minutes.',
        why: 'Right: the query is known in advance, must run continuously and must answer with low latency as each payment arrives.',
      },
      {
        text: "Correct a customer's address so that every later query sees the new one.",
        why: 'Updating stored records in place, with transactions, is a DBMS job; a stream is an append-only sequence of new tuples.',
      },
    ],
    answer: 2,
    explanation:
      'Stream processing shines when the question is fixed and the answer is needed continuously and quickly as data arrives. Questions asked once, or invented on the spot, over stored data suit a DBMS.',
    hint: 'Which task has a question that is known in advance and an answer that is needed while the data is still arriving?',
  },
  {
    id: 'dbms-vs-streams-bounded-memory',
    topic: 'dbms-vs-streams',
    kind: 'choice',
    prompt:
      'A standing query must count the distinct visitors of a web site, over an unbounded stream of page views, in a fixed amount of memory. What does a stream processor typically do?',
    options: [
      {
        text: 'Keep a compact summary, such as a HyperLogLog sketch, and answer approximately.',
        why: 'Right: a sketch uses fixed memory and estimates the distinct count within a known error, trading exactness for bounded memory.',
      },
      {
        text: 'Store every visitor id it has ever seen, adding disk when memory runs out.',
        why: 'The set of ids grows without bound with the stream, so this breaks the fixed-memory requirement.',
      },
      {
        text: 'Refuse the query: distinct counts need the whole data set, so only a DBMS can answer them.',
        why: 'Exact answers may need the whole data set, but approximate answers in bounded memory are a standard stream-processing technique.',
      },
      {
        text: 'Count every page view, since duplicates cannot be recognised in a stream.',
        why: 'That counts page views, not distinct visitors: it answers a different question.',
      },
    ],
    answer: 0,
    explanation:
      'An unbounded stream cannot be stored in bounded memory, so stream processors keep summaries (windows, sketches, samples) and accept approximate answers where exact ones would need unbounded state.',
    hint: 'The memory is fixed but the stream never ends: what must give?',
  },
  {
    id: 'dbms-vs-streams-rerun-query',
    topic: 'dbms-vs-streams',
    kind: 'choice',
    prompt:
      'Why not simply load the stream into a database and rerun the query every five minutes instead of using a standing query?',
    options: [
      {
        text: 'Databases cannot store data that carries timestamps.',
        why: 'Databases store timestamps without trouble; the problem is elsewhere.',
      },
      {
        text: 'A rerun query always gives a different answer from a standing query, even over the same data.',
        why: 'Over the same data both give the same answer. The difference is how fresh that answer is and how much work it takes.',
      },
      {
        text: 'The database would lose the tuples that arrive while the query is running.',
        why: 'A database stores them; the next run will include them. Nothing is lost, it is only late.',
      },
      {
        text: 'Each answer is then up to five minutes stale and every run rereads data it has already seen; a standing query updates its result as each tuple arrives.',
        why: 'Right: repeated one-shot queries add latency (up to the rerun interval plus the run time) and repeat work that grows with the stored data.',
      },
    ],
    answer: 3,
    explanation:
      'Polling a database bounds freshness by the polling interval and makes every run pay for the whole stored history. A standing query does a little work per tuple and keeps its answer current.',
    hint: 'Compare how fresh each answer is, and how much data each run has to read.',
  },
  {
    id: 'dbms-vs-streams-window-memory',
    topic: 'dbms-vs-streams',
    kind: 'numeric',
    prompt:
      'A sensor stream delivers 200 tuples per second. A standing query keeps only the tuples of the last 30 seconds (a sliding window) in memory. How many tuples does it hold once the window is full?',
    answer: 6000,
    unit: 'tuples',
    explanation:
      '200 tuples/s × 30 s = 6000 tuples. However long the stream runs, the window bounds the memory the query needs: this is how standing queries stay within bounded memory.',
    hint: 'Multiply the rate by the length of the window.',
  },
  {
    id: 'dbms-vs-streams-standing-query-name',
    topic: 'dbms-vs-streams',
    kind: 'short',
    prompt:
      'A query that is registered once and then keeps running, updating its result as new tuples arrive, is called a ___ query. Give the missing word.',
    accept: [
      'continuous',
      'standing',
      'continuous query',
      'standing query',
      'persistent',
      'persistent query',
    ],
    explanation:
      'Continuous (or standing) queries are the core of stream processing: the query stays put while the data flows through it, the reverse of a one-shot query in a DBMS.',
    hint: 'It is the opposite of a one-shot query.',
  },
  {
    id: 'dbms-vs-streams-one-shot-steps',
    topic: 'dbms-vs-streams',
    kind: 'order',
    prompt: 'Put the life of a one-shot query in a DBMS in order.',
    items: [
      'The data is loaded and stored in tables',
      'A user submits a query',
      'The DBMS reads the stored data the query needs',
      'The result is returned and the query is finished',
    ],
    explanation:
      'In a DBMS the data is at rest before the query exists; the query runs once over it and ends. A stream processor reverses this: the query exists first and the data arrives afterwards.',
    hint: 'In a DBMS, which exists first: the data or the query?',
  },
  {
    id: 'dbms-vs-streams-snapshot-answer',
    topic: 'dbms-vs-streams',
    kind: 'numeric',
    prompt:
      'At 10 s you run `SELECT COUNT(*) FROM readings` on the database and get 40. By 15 s another 25 readings have arrived and been stored, and you have not asked again. What number does the answer on your screen show at 15 s?',
    answer: 40,
    unit: 'readings',
    explanation:
      'A database answers once, for the data stored when you asked: the answer stays 40 until you run the query again (it would then say 65). A continuous query with the same meaning would have counted each reading as it arrived and show 65 at 15 s.',
    hint: 'Does a one-shot answer change after it has been returned?',
  },
  {
    id: 'dbms-vs-streams-sort-on-stream',
    topic: 'dbms-vs-streams',
    kind: 'choice',
    prompt:
      '`SELECT key, COUNT(*) AS n FROM readings GROUP BY key ORDER BY n DESC` runs fine on the database. You start the same SQL as a Spark Structured Streaming query over the stream, in update output mode. What happens?',
    options: [
      {
        text: 'It runs, and re-sorts all keys each micro-batch.',
        why: 'Sorting a stream would need all of it; Spark allows it only where the whole result is rewritten each batch.',
      },
      {
        text: 'It runs, but the ORDER BY is ignored.',
        why: 'Spark does not ignore clauses it cannot honour: it refuses to start the query.',
      },
      {
        text: 'It runs once over the data that has arrived, then stops.',
        why: 'That is a batch query on a table; a streaming query keeps running, or does not start.',
      },
      {
        text: 'Spark refuses to start it: “Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode”.',
        why: 'Right: in complete mode the whole result table is written every batch, so it can be sorted; in update mode only changed rows are.',
      },
    ],
    answer: 3,
    // UnsupportedOperationChecker.checkForStreaming: "Sorting is not supported on streaming
    // DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode".
    explanation:
      'The same SQL means different things at rest and in motion. On stored data the database sorts what is there; on an unbounded stream the order of all keys is never final, so Spark allows ORDER BY only after an aggregation in complete mode. Try it in the Database pane: “Your query on the stream” gives Spark’s verdict.',
    hint: 'Which output mode rewrites the whole result table every batch?',
  },
];
