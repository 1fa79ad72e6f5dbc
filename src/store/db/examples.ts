/** Questions to start from, each a query on `readings` (SQLite's SQL, and Spark's window()). */
export const SQL_EXAMPLES: readonly { readonly label: string; readonly sql: string }[] = [
  {
    label: 'count and average per key',
    sql: 'SELECT key, COUNT(*) AS n, AVG(value) AS avg\nFROM readings\nGROUP BY key\nORDER BY key',
  },
  {
    // Delay is not lateness: whether a tuple is late depends on the watermark when it arrives.
    label: 'delayed tuples (more than 2 s on the way)',
    sql: 'SELECT tuple_id, key, event_time, arrival_time,\n       arrival_time - event_time AS delay_ms\nFROM readings\nWHERE arrival_time - event_time > 2000\nORDER BY delay_ms DESC, tuple_id',
  },
  {
    label: 'the newest reading per key',
    sql: 'SELECT key, MAX(event_time) AS newest_event_time\nFROM readings\nGROUP BY key\nORDER BY key',
  },
  {
    label: 'the five largest values',
    sql: 'SELECT tuple_id, key, value\nFROM readings\nORDER BY value DESC, tuple_id\nLIMIT 5',
  },
  {
    // Spark SQL's window(): the database runs it rewritten; on a stream Spark keeps it in state.
    label: 'counts per key and 10 s window (Spark’s window())',
    sql: "SELECT key, window.start, window.end, COUNT(*) AS n\nFROM readings\nGROUP BY key, window(event_time, '10 seconds')",
  },
];
