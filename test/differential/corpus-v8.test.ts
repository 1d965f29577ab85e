/**
 * V8-only verification of the differential oracle side (passes without core):
 * every corpus program runs deterministically in V8 (twice, same outcome), completes unless
 * marked `// diff: throws`, returns a structured value that is not mutated after it was
 * produced, avoids host-nondeterministic APIs and is 5..60 lines; generated programs are
 * valid, deterministic and structured too.
 */
import { describe, expect, test } from 'vitest';
import { loadCorpus } from './corpus';
import { checkProgram } from './verify-corpus';
import { samplePrograms } from './generator';
import { canonical, isStructured, runInV8Detailed, type Outcome } from './harness';

const programs = loadCorpus();
const categories = [...new Set(programs.map((p) => p.category))];

test('the corpus has at least 550 programs', () => {
  expect(programs.length).toBeGreaterThanOrEqual(550);
});

for (const category of categories) {
  describe(`corpus/${category}`, () => {
    for (const program of programs.filter((p) => p.category === category)) {
      test(program.id, async () => {
        const { problems } = await checkProgram(program);
        expect(problems, program.id).toEqual([]);
      });
    }
  });
}

describe('generated programs (V8 side)', () => {
  const key = (o: Outcome) => JSON.stringify(['error' in o ? o.error : canonical(o.value), o.console]);
  const sources = samplePrograms(Number(process.env.CAPSULE_DIFF_SEED ?? 1), 60);

  test('are deterministic per seed', () => {
    expect(samplePrograms(Number(process.env.CAPSULE_DIFF_SEED ?? 1), 60)).toEqual(sources);
  });

  test('are valid, deterministic and structured in V8', async () => {
    let completed = 0;
    for (const src of sources) {
      const a = await runInV8Detailed(src);
      const b = await runInV8Detailed(src);
      expect(key(b.outcome), src).toBe(key(a.outcome));
      if ('error' in a.outcome) {
        // Generator bugs show up as early errors or unbound names; everything else is fair game.
        expect(['SyntaxError', 'ReferenceError', 'LimitError', 'Pending'], src).not.toContain(a.outcome.error.name);
      } else {
        completed++;
        expect(isStructured(a.outcome.value), src).toBe(true);
        expect(a.resultStable, src).toBe(true);
      }
    }
    expect(completed).toBeGreaterThan(sources.length / 2);
  }, 60_000);
});
