import { describe, expect, it } from 'vitest';
import { sqlQueryCode } from './sqlCode';

describe('the learner’s SQL as a Structured Streaming job', () => {
  it('reads the topic as readings with a watermark and runs the SQL with spark.sql in the output mode', () => {
    const code = sqlQueryCode(
      "SELECT key, window.start, COUNT(*) AS n FROM readings GROUP BY key, window(event_time, '10 seconds')",
      'append',
      2000,
      'my-sql',
    );
    expect(code).toContain('.withWatermark("event_time", "2 seconds"))');
    expect(code).toContain('readings.createOrReplaceTempView("readings")');
    expect(code).toContain(
      'result = spark.sql("""SELECT key, window.start, COUNT(*) AS n FROM readings GROUP BY key, window(event_time, \'10 seconds\')""")',
    );
    expect(code).toContain('.outputMode("append")');
    expect(code).toContain('/tmp/streamscope/checkpoints/my-sql');
  });

  it('a query cannot break out of its string', () => {
    const code = sqlQueryCode('SELECT """ + 1', 'update', 0, 'x');
    expect(code).toContain('spark.sql("""SELECT \\"\\"\\" + 1""")');
  });
});
