/**
 * Budget / ReDoS: catastrophic patterns must stop with RegexBudgetError, quickly and
 * deterministically (the same step count every time), with bounded stack memory.
 */
import { describe, expect, it } from 'vitest';
import { compileRegex, execRegex, RegexBudgetError, type StepBudget } from '../../../core/regex/index';

const REDOS: [string, string, string][] = [
  ['(a+)+$', '', 'a'.repeat(28) + '!'],
  ['(a|aa)*b', '', 'a'.repeat(40)],
  ['(x+x+)+y', '', 'x'.repeat(40)],
  ['^(\\w+\\s?)*$', '', 'aaaa aaaa aaaaaaaaaaaaaaaaaaaaaaaa!'],
  ['(a*)*b', '', 'a'.repeat(40)],
  ['(?:a|a)*c', '', 'a'.repeat(40)],
  ['(\\d+)*\\.', '', '1'.repeat(40)],
  ['(.*a){20}', '', 'a'.repeat(40)],
  ['(?<=^(a+)+)b', '', 'c' + 'a'.repeat(40) + 'b'],
  ['(?=(a+)+$)', '', 'a'.repeat(40) + '!'],
  ['((a+)+)\\2c', 'i', 'A'.repeat(40)],
  ['(a+)+$', 'u', 'a'.repeat(40) + '\ud83d\ude00'],
];

function runOut(p: string, f: string, s: string, steps: number): { error: unknown; budget: StepBudget; ms: number } {
  const re = compileRegex(p, f);
  const budget = { remaining: steps };
  const t0 = performance.now();
  let error: unknown;
  try {
    execRegex(re, s, 0, budget);
  } catch (e) {
    error = e;
  }
  return { error, budget, ms: performance.now() - t0 };
}

describe('regex step budget', { timeout: 60_000 }, () => {
  for (const [p, f, s] of REDOS) {
    it(`/${p}/${f} throws RegexBudgetError with 1e6 steps`, () => {
      // Warm up once, then take the best of three so machine load does not flake.
      runOut(p, f, s, 1e6);
      const runs = [runOut(p, f, s, 1e6), runOut(p, f, s, 1e6), runOut(p, f, s, 1e6)];
      for (const r of runs) {
        expect(r.error).toBeInstanceOf(RegexBudgetError);
        expect(r.budget.remaining).toBe(0);
      }
      expect(Math.min(...runs.map((r) => r.ms))).toBeLessThan(1000);
    });
  }

  it('is deterministic: same outcome and step count on every run', () => {
    const results: number[] = [];
    for (let k = 0; k < 5; k++) {
      const re = compileRegex('(a|aa)*b', '');
      const budget = { remaining: 1e7 };
      expect(() => execRegex(re, 'a'.repeat(30), 0, budget)).toThrow(RegexBudgetError);
      results.push(budget.remaining);
    }
    // Steps used until success are identical across runs.
    const used: number[] = [];
    for (let k = 0; k < 5; k++) {
      const re = compileRegex('(a|aa)*b', '');
      const budget = { remaining: 1e7 };
      expect(execRegex(re, 'a'.repeat(18) + 'b', 0, budget)?.index).toBe(0);
      used.push(1e7 - budget.remaining);
    }
    expect(new Set(used).size).toBe(1);
    expect(new Set(results)).toEqual(new Set([0]));
  });

  it('throws exactly when the budget would go below zero', () => {
    const re = compileRegex('a+b', '');
    const probe = { remaining: 1e6 };
    execRegex(re, 'aaab', 0, probe);
    const needed = 1e6 - probe.remaining;
    expect(needed).toBeGreaterThan(0);
    const exact = { remaining: needed };
    expect(execRegex(re, 'aaab', 0, exact)?.end).toBe(4);
    expect(exact.remaining).toBe(0);
    const short = { remaining: needed - 1 };
    expect(() => execRegex(re, 'aaab', 0, short)).toThrow(RegexBudgetError);
    expect(short.remaining).toBe(0);
  });

  it('a zero budget throws even for trivial work', () => {
    expect(() => execRegex(compileRegex('a', ''), 'a', 0, { remaining: 0 })).toThrow(RegexBudgetError);
  });

  it('bounds backtrack-stack memory by the budget', () => {
    // A long greedy loop with captures pushes one or more entries per iteration.
    const re = compileRegex('(?:(a)|b)*c', '');
    const input = 'ab'.repeat(200_000);
    expect(() => execRegex(re, input, 0, { remaining: 100_000 })).toThrow(RegexBudgetError);
    const ok = execRegex(re, 'ab'.repeat(1000) + 'c', 0, { remaining: 1e6 });
    expect(ok?.end).toBe(2001);
  });

  it('deep nesting compiles and runs without host recursion', () => {
    const depth = 20_000;
    for (const open of ['(?:', '(', '(?=']) {
      const p = open.repeat(depth) + 'a' + ')'.repeat(depth);
      const re = compileRegex(p, '');
      const m = execRegex(re, 'xa', 0, { remaining: 1e7 });
      expect(m?.index).toBe(1);
    }
  });

  it('scans long inputs in linear steps', () => {
    const big = 'x'.repeat(200_000) + 'needle';
    for (const p of ['needle', '[n]eedle', 'n(?=eedle)', '(?:needle|haystack)']) {
      const budget = { remaining: 1e7 };
      expect(execRegex(compileRegex(p, ''), big, 0, budget)?.index).toBe(200_000);
      expect(1e7 - budget.remaining).toBeLessThan(1_000_000);
    }
    const budget = { remaining: 1e7 };
    expect(execRegex(compileRegex('.*', 's'), big, 0, budget)?.end).toBe(big.length);
  });
});
