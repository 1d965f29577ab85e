import { describe, expect, it } from 'vitest';
import { median, pairedRatio } from '../../bench/stats';

describe('bench: paired ratios of interleaved rounds', () => {
  it('cancels a drift of the machine speed between rounds', () => {
    // engine a is 2x slower than b, and the machine runs at 1x, 3x, 1x, 5x, 1x speed in turn
    const speed = [1, 3, 1, 5, 1];
    const a = speed.map((s) => 20 * s);
    const b = speed.map((s) => 10 * s);
    expect(pairedRatio(a, b)).toBe(2);
    // two rounds where only b's run was slowed (the drift came between the two runs): the
    // paired median still says 2, the ratio of the medians says 2/3
    const b3 = [30, 30, 10, 50, 10];
    expect(pairedRatio(a, b3)).toBe(2);
    expect(median(a) / median(b3)).toBeCloseTo(2 / 3);
  });

  it('pairs only the rounds both engines ran', () => {
    expect(pairedRatio([10, null, 30, 40], [5, 7, null, 10])).toBe(3); // median of 2 and 4
    expect(pairedRatio([null, null], [1, 2])).toBeNaN();
    expect(pairedRatio([1, 2], [0, 0])).toBeNaN();
  });
});
