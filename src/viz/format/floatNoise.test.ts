import { describe, expect, it } from 'vitest';
import { floatNoiseNote, withoutFloatNoise } from './floatNoise';

describe('doubles without their rounding noise (issue 20)', () => {
  it('rounds a sum’s noise away and remembers what Spark prints', () => {
    const x = withoutFloatNoise('(kim,1784.9399999999994) (ana,0.30000000000000004) (lee,12.5)');
    expect(x.text).toBe('(kim,1784.94) (ana,0.3) (lee,12.5)');
    expect(x.noisy).toBe('1784.9399999999994');
    expect(floatNoiseNote(x.noisy)).toContain('Spark prints them in full, for example 1784.9399999999994');
  });

  it('keeps what a person wrote, and says nothing when nothing changed', () => {
    const x = withoutFloatNoise('(a,0.1234567) (b,3) Time: 1000 ms');
    expect(x).toEqual({ text: '(a,0.1234567) (b,3) Time: 1000 ms', noisy: null });
    expect(floatNoiseNote(null)).toBeNull();
    expect(withoutFloatNoise('1.0E-7').text).toBe('1.0E-7');
  });
});
