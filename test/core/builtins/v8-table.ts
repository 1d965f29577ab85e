/**
 * A differential table against V8: each case is a small program whose completion value, or
 * uncaught error with its message, and console output must match node's own result. Used by
 * the JSON, Map/Set, Date, Number, Math and BigInt tables.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, describeOutcome, runInCore, runInV8 } from '../../differential/harness';

/** Registers one test per case (grouped) plus a check on the table's size. */
export function v8Table(title: string, cases: Record<string, string[]>, minCases: number): void {
  describe(title, () => {
    beforeAll(async () => {
      await runInCore('0');
    }, 60_000);
    let count = 0;
    for (const [group, list] of Object.entries(cases)) {
      describe(group, () => {
        for (const src of list) {
          count++;
          it(src.length > 120 ? src.slice(0, 117) + '...' : src, () => expectSameAsV8(src), 30_000);
        }
      });
    }
    it(`has at least ${minCases} cases`, () => {
      expect(count).toBeGreaterThanOrEqual(minCases);
    });
  });
}

/** Runs `src` in core and in V8 and expects the same outcome (messages included). */
export async function expectSameAsV8(src: string): Promise<void> {
  const ours = await runInCore(src);
  const theirs = await runInV8(src);
  const c = compare(theirs, ours, { compareMessages: true });
  expect(c.equal, `V8:   ${describeOutcome(theirs)}\ncore: ${describeOutcome(ours)}\n${c.differences.join('\n')}`).toBe(true);
}
