/**
 * Differential tests: every corpus program, then N generated programs, run in V8 (the
 * oracle) and in core; result value, uncaught error name (message with
 * `// diff: compare-messages`) and console output must match.
 *
 * Fails at load with a clear message until core/index.ts exists; the V8 side is verified on
 * its own by corpus-v8.test.ts.
 *
 *   CAPSULE_DIFF_RUNS=5000 CAPSULE_DIFF_SEED=7 npm run test:diff   # longer property run
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCorpus } from './corpus';
import { programArbitrary } from './generator';
import { compare, describeOutcome, loadCore, runInCore, runInV8, type CompareOptions } from './harness';

await loadCore();

const RUNS = Number(process.env.CAPSULE_DIFF_RUNS ?? 200);
const SEED = Number(process.env.CAPSULE_DIFF_SEED ?? 1);
const FILTER = process.env.CAPSULE_DIFF_FILTER;

async function differential(source: string, options: CompareOptions = {}): Promise<string | null> {
  const expected = await runInV8(source);
  const actual = await runInCore(source);
  const c = compare(expected, actual, options);
  if (c.equal) return null;
  return `core differs from V8:\n  ${c.differences.join('\n  ')}\n--- V8:\n${describeOutcome(expected)}\n--- core:\n${describeOutcome(actual)}`;
}

const programs = loadCorpus(FILTER);
for (const category of [...new Set(programs.map((p) => p.category))]) {
  describe(`corpus/${category}`, () => {
    for (const program of programs.filter((p) => p.category === category)) {
      test(program.id, async () => {
        const problem = await differential(program.source, { compareMessages: program.directives.compareMessages });
        if (problem) expect.fail(`${program.id}: ${problem}`);
      }, 20_000);
    }
  });
}

const PROPERTY_TIMEOUT = 60_000 + RUNS * 250;

test.skipIf(RUNS <= 0 || FILTER)(`generated programs (runs=${RUNS}, seed=${SEED})`, async () => {
  await fc.assert(
    fc.asyncProperty(programArbitrary(), async (source) => {
      const problem = await differential(source);
      if (problem) throw new Error(`${problem}\n--- program:\n${source}`);
    }),
    // Stop shrinking in time to report the smallest counterexample found so far.
    { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: PROPERTY_TIMEOUT - 10_000, markInterruptAsFailure: true },
  );
}, PROPERTY_TIMEOUT);
