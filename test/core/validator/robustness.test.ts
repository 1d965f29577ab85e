/** Property tests: the front end only ever throws ParseError, and diagnostics are well formed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../core/errors';
import { BUILTIN_GLOBALS, FORBIDDEN_GLOBALS } from '../../../core/globals';
import { checkSource } from '../../../core/validator';

const SEED_PROGRAMS = [
  'const { a = 1, ...r } = { a: 2 };\nfor (const [k, v] of Object.entries(r)) console.log(k, v);',
  'class A extends Map { #x = 1; static { this.y = 2; } get x() { return this.#x; } }\nnew A().x;',
  'async function* g() { yield await Promise.all([1]); }\nfor await (const v of g()) v;',
  'label: for (let i = 0; i < 3; i++) { switch (i) { case 1: continue label; default: break; } }',
  'const f = (a, b = a ?? 1, ...c) => a?.b?.[c] ?? `${b}`;\ntry { f(); } catch { } finally { }',
];

/** Runs checkSource; any exception other than ParseError fails the property. */
function check(source: string): void {
  try {
    const { diagnostics } = checkSource(source);
    for (const d of diagnostics) {
      // CAP0001 too: syntax errors the parser accepts (two constructors, a nameless field) are the validator's
      expect(d.code).toMatch(/^CAP(?:0001|1\d{3})$/);
      expect(d.span.start).toBeLessThanOrEqual(d.span.end);
      expect(d.span.end).toBeLessThanOrEqual(source.length);
    }
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    expect(error.diagnostic.code).toBe('CAP0001');
    expect(error.diagnostic.span.start).toBeLessThanOrEqual(source.length);
    expect(error.diagnostic.span.line).toBeGreaterThanOrEqual(1);
  }
}

describe('robustness', () => {
  it('arbitrary text only ever fails with ParseError', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), check), { numRuns: 500 });
  });

  it('truncated and spliced programs only ever fail with ParseError', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...SEED_PROGRAMS), fc.nat(), fc.nat(), fc.string({ maxLength: 4 }))
      .map(([p, a, b, insert]) => {
        const i = a % (p.length + 1);
        const j = i + (b % 8);
        return p.slice(0, i) + insert + p.slice(j);
      });
    fc.assert(fc.property(mutated, check), { numRuns: 1000 });
  });

  it('a free reference yields at most one diagnostic, whose code matches the name', () => {
    const names = [...BUILTIN_GLOBALS, ...FORBIDDEN_GLOBALS.keys(), 'foo', 'bar', 'input'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.boolean(), (name, declared) => {
        const source = `${declared ? `let ${name} = 0;\n` : ''}(${name});`;
        let diagnostics;
        try {
          diagnostics = checkSource(source).diagnostics;
        } catch (error) {
          // `let undefined`, `let eval`... are syntax errors in strict mode.
          expect(error).toBeInstanceOf(ParseError);
          return;
        }
        if (declared || BUILTIN_GLOBALS.has(name)) expect(diagnostics).toEqual([]);
        else expect(diagnostics.map((d) => source.slice(d.span.start, d.span.end))).toEqual([name]);
      }),
      { numRuns: 300 },
    );
  });
});
