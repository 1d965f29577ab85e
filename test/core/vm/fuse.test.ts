/**
 * Superinstructions (core/vm/fuse.ts): a fused run must be indistinguishable from an
 * unfused one — same results, the same instruction count, slices that end on exactly the
 * same instruction, limits hit at the same instruction — and must never change the
 * FunctionCode.code that the debugger, the encoder and the program hash read.
 */
import { describe, expect, test } from 'vitest';
import { compile, LimitError } from '../../../core/index';
import { start, type Execution } from '../../../core/execution';
import { FIRST_FUSED, LAST_FUSED, fuse } from '../../../core/vm/fuse';
import { OP_NAMES, OPERANDS } from '../../../core/opcodes';

// every pattern, and every way out of its fast path (non-numbers, NaN, strings, bigints)
const SOURCE = `
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
let out = [];
for (let i = 0; i < 30; i++) out.push(fib(i % 9));
let s = 0;
for (let i = 10; i >= 0; i--) { s += i; }
for (let i = 0, j = 5; i <= j; i++) s += i * j;
let t = 'a';
for (let k = 0; k < 3; k++) { let u = t; if (u < 'c') t = u + 'b'; }
let big = 1n;
for (let k = 0; k < 4; k++) { big++; let b2 = big; if (b2 > 3n) s += 1; }
let x = NaN;
if (x < 1) s += 100;
if (x >= 1) s += 200;
let y = 'q', z = 2;
let w = y - 1;
let v = z - 1; let v2 = z + 1;
let undef;
undef++;
let q = '5'; q--;
// property reads from locals: own slots (cache hits), a shape change, a getter, a prototype
// method, a string's length, and a throw on null
const objs = [{ a: 1 }, { a: 2 }, { b: 0, a: 3 }, { get a() { return 4; } }, Object.create({ a: 5 })];
let pr = 0;
for (let k = 0; k < 15; k++) { const o = objs[k % 5]; pr += o.a; }
const str = 'abcd'; pr += str.length;
let caught = '';
for (let k = 0; k < 3; k++) { const n = k === 2 ? null : { x: k }; try { pr += n.x; } catch (e) { caught = e.message; } }
// calls of local and captured functions, assignment statements
function calls(m) { const twice = (z) => z * 2; let r = 0; for (let k = 0; k < m; k++) { r = r + twice(k); r = r - fib(3); } return r; }
pr += calls(6);
({ out: out.join(','), s, t, big: String(big), w: String(w), v, v2, undef: String(undef), q, pr, caught });
`;

function exec(fused: boolean, options: { sliceInstructions?: number; instructions?: number } = {}): Execution {
  const ex = start(compile(SOURCE), { seed: 1, startPaused: true, sliceInstructions: options.sliceInstructions, limits: options.instructions ? { instructions: options.instructions } : undefined });
  ex.vm.fuseCode = fused;
  return ex;
}

function runToEnd(ex: Execution, slice?: number): { value: unknown; instructions: number; pauses: number[] } {
  const pauses: number[] = [];
  let o = ex.resume([], { sliceInstructions: slice });
  while (o.status === 'paused') {
    pauses.push(o.instructions);
    o = ex.resume([], { sliceInstructions: slice });
  }
  if (o.status !== 'completed') throw new Error(`unexpected ${o.status}`);
  return { value: o.value, instructions: o.instructions, pauses };
}

describe('superinstructions', () => {
  test('fused opcodes follow the real instruction set and are not real opcodes', () => {
    expect(FIRST_FUSED).toBe(OP_NAMES.length);
    expect(LAST_FUSED).toBeGreaterThan(FIRST_FUSED);
    for (let op = FIRST_FUSED; op <= LAST_FUSED; op++) expect(OPERANDS[op]).toBeUndefined();
  });

  test('the fused copy differs from the code only in replaced first opcodes', () => {
    const program = compile(SOURCE);
    let replaced = 0;
    const used = new Set<number>();
    for (const fn of program.functions) {
      const f = fuse(fn.code);
      expect(f.length).toBe(fn.code.length);
      for (let pc = 0; pc < f.length; pc++) {
        if (f[pc] === fn.code[pc]) continue;
        expect(['GetLocal', 'GetEnv', 'SetLocal']).toContain(OP_NAMES[fn.code[pc]]);
        expect(f[pc]).toBeGreaterThanOrEqual(FIRST_FUSED);
        used.add(f[pc]);
        replaced++;
      }
    }
    expect(replaced).toBeGreaterThan(5);
    // SOURCE exercises every fused opcode
    expect(used.size).toBe(LAST_FUSED - FIRST_FUSED + 1);
  });

  test('same value and instruction count as the unfused code, and FunctionCode.code untouched', () => {
    const a = exec(true);
    const before = a.program.functions.map((f) => Array.from(f.code));
    const fused = runToEnd(a);
    expect(a.program.functions.map((f) => Array.from(f.code))).toEqual(before);
    const plain = runToEnd(exec(false));
    expect(fused.value).toEqual(plain.value);
    expect(fused.instructions).toBe(plain.instructions);
    // V8's answer for SOURCE
    expect(fused.value).toMatchObject({ s: 132, t: 'abbb', big: '5', w: 'NaN', v: 1, v2: 3, undef: 'NaN', q: 4, pr: 68, caught: "Cannot read properties of null (reading 'x')" });
  });

  test('slices end on exactly the same instruction for every slice length', () => {
    const plain = runToEnd(exec(false));
    for (let slice = 1; slice <= 9; slice++) {
      const r = runToEnd(exec(true), slice);
      expect(r.value).toEqual(plain.value);
      expect(r.instructions).toBe(plain.instructions);
      // every pause lands on a multiple of the slice length: no fused sequence crossed a boundary
      expect(r.pauses.every((n, i) => n === (i + 1) * slice)).toBe(true);
      expect(r.pauses.length).toBe(Math.ceil(plain.instructions / slice) - (plain.instructions % slice === 0 ? 0 : 1));
    }
  });

  test('the instruction limit is hit at the same instruction', () => {
    const plain = runToEnd(exec(false));
    for (const limit of [1, 2, 3, 7, 50, 51, 52, 53, Math.floor(plain.instructions / 2), plain.instructions - 1]) {
      const counts: number[] = [];
      for (const fused of [true, false]) {
        const ex = exec(fused, { instructions: limit });
        let err: unknown;
        try {
          runToEnd(ex);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(LimitError);
        counts.push(ex.vm.instructions);
      }
      expect(counts[0]).toBe(counts[1]);
    }
  });
});
