import { describe, expect, it } from 'vitest';
import { formatLink, parseLink } from './url';

describe('links to Spark Streaming states', () => {
  it('carry an edited application and a producer rate, and read them back', () => {
    const app = JSON.stringify({ batchIntervalMs: 2000, pipeline: [{ id: 's', op: 'producerStream' }] });
    const link = formatLink({
      scenario: 'dstream-windows',
      seed: 7,
      timeMs: 4000,
      tuple: null,
      faults: [],
      compare: null,
      app,
      rate: 2,
      et: '{"engine":"flink"}',
    });
    const { state, problems } = parseLink(link, ['dstream-windows']);
    expect(problems).toEqual([]);
    expect(state.app).toBe(app);
    expect(state.rate).toBe(2);
    expect(state.et).toBe('{"engine":"flink"}');
  });

  it('reject a rate the UI does not offer, naming it', () => {
    const { state, problems } = parseLink('?rate=7', []);
    expect(state.rate).toBeUndefined();
    expect(problems).toEqual([
      `The link's producer rate "7" is not one of ×0.5, ×1, ×1.5, ×2, ×3, ×5; using the scenario's rates.`,
    ]);
  });
});
