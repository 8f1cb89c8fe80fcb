import { describe, expect, it } from 'vitest';
import { remainingDelaySeconds } from './brute-force.js';

describe('remainingDelaySeconds', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it('lets the first failures through', () => {
    expect(remainingDelaySeconds(4, ago(0), 5, now)).toBe(0);
  });

  it('doubles the delay with every further failure, up to 15 minutes', () => {
    expect(remainingDelaySeconds(5, ago(0), 5, now)).toBe(2);
    expect(remainingDelaySeconds(6, ago(0), 5, now)).toBe(4);
    expect(remainingDelaySeconds(8, ago(1), 5, now)).toBe(15);
    expect(remainingDelaySeconds(40, ago(0), 5, now)).toBe(900);
  });

  it('is over once the delay has passed', () => {
    expect(remainingDelaySeconds(6, ago(4), 5, now)).toBe(0);
  });
});
