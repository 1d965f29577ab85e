/**
 * Every function's inline-cache table has a slot per code unit from the moment its code is set
 * (compiled, loaded from an artifact, or synthetic), so the interpreter's `ic[pc]` reads and writes
 * stay in bounds of packed arrays of one kind (core/chunk.ts, icTable).
 */
import { describe, expect, it } from 'vitest';
import { createArtifact, loadArtifact } from '../../core/artifact';
import { icTable, type FunctionCode } from '../../core/chunk';
import { compile, runSync } from '../../core/index';

const SOURCE = 'const o = { a: 1 }; function f(x) { return x.a + o.a; } class C { m() { return 2; } } [f(o), new C().m(), [1, 2].map((v) => v * 2)]';

function tablesFit(functions: FunctionCode[]): void {
  expect(functions.length).toBeGreaterThan(2);
  for (const f of functions) {
    expect(f.ic.length).toBe(f.code.length);
    expect(f.ic.every((x) => x === undefined)).toBe(true);
  }
}

describe('inline-cache tables', () => {
  it('are sized to the code when the compiler finishes a function', () => {
    tablesFit(compile(SOURCE).functions);
  });

  it('are sized to the code when an artifact is loaded', () => {
    tablesFit(loadArtifact(createArtifact(SOURCE, {})).program.functions);
  });

  it('fill with caches at property sites without growing', () => {
    const program = compile(SOURCE);
    expect(runSync(program).value).toEqual([2, 2, [2, 4]]);
    const main = program.functions[0];
    expect(main.ic.length).toBe(main.code.length);
    expect(main.ic.some((x) => x !== undefined)).toBe(true);
  });

  it('icTable makes n undefined slots', () => {
    expect(icTable(0)).toEqual([]);
    expect(icTable(3)).toEqual([undefined, undefined, undefined]);
  });
});
