/**
 * Math: a differential table against V8 (bit-identical results, -0 and NaN included), and
 * the seeded Math.random.
 */
import { describe, expect, it } from 'vitest';
import { v8Table } from './v8-table';
import { runSync } from '../../../core/index';

const INPUTS = '[0, -0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, 3.7, -3.7, 1e-300, 1e300, 2 ** 31, -(2 ** 31), 2 ** 32 + 5, NaN, Infinity, -Infinity, Math.PI, 1e21, 0.1, -0.49999999999999994]';
const UNARY = ['abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'ceil', 'cbrt', 'expm1', 'clz32', 'cos', 'cosh', 'exp', 'floor', 'fround', 'log', 'log1p', 'log2', 'log10', 'round', 'sign', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc'];

const CASES: Record<string, string[]> = {
  unary: UNARY.map((f) => `${INPUTS}.map((x) => { const r = Math.${f}(x); return Object.is(r, -0) ? "-0" : r; })`),
  binary: [
    `${INPUTS}.flatMap((x) => [0, -0, 1, -1, 2, 0.5, NaN, Infinity, -Infinity].map((y) => { const r = Math.atan2(x, y); return Object.is(r, -0) ? "-0" : r; }))`,
    `${INPUTS}.flatMap((x) => [0, -0, 1, -1, 2, 0.5, NaN, Infinity, -Infinity, 3].map((y) => { const r = Math.pow(x, y); return Object.is(r, -0) ? "-0" : r; }))`,
    `${INPUTS}.flatMap((x) => [0, 1, -1, 3, 2 ** 32 + 7, 0.5].map((y) => Math.imul(x, y)))`,
    '[Math.pow(NaN, 0), Math.pow(1, Infinity), Math.pow(-8, 1 / 3), 2 ** -1074, Math.pow(2, 1024), (-2) ** 3, Math.pow(-0, -1), Math.pow(-0, -2)]',
  ],
  'max, min, hypot': [
    '[Math.max(), Math.min(), Math.max(1, 5, 3), Math.min(1, 5, 3), Math.max(-0, 0), Math.min(0, -0), Math.max(0, -0), Math.min(-0, 0)].map((r) => (Object.is(r, -0) ? "-0" : r))',
    '[Math.max(1, NaN), Math.max(NaN, 1), Math.min(NaN), Math.max("7", 2), Math.max([3], [4]), Math.min(null, 1), Math.max(undefined, 1), Math.max(1, Infinity)]',
    'Math.max(...Array.from({ length: 1000 }, (_, i) => (i * 37) % 1001))',
    'Math.min(...Array.from({ length: 200 }, (_, i) => -i))',
    '[Math.hypot(), Math.hypot(3, 4), Math.hypot(-3), Math.hypot(1, 2, 3), Math.hypot(NaN, Infinity), Math.hypot(NaN, 1), Math.hypot(-0), Math.hypot(1e200, 1e200), Math.hypot(1e-200, 1e-200), Math.hypot(0.1, 0.2, 0.3)]',
    'Math.hypot(...Array.from({ length: 100 }, (_, i) => i / 7))',
    'Math.max(1n)',
    'Math.max(1, Symbol())',
    'const log = []; Math.max({ valueOf() { log.push("a"); return 1; } }, { valueOf() { log.push("b"); return NaN; } }, { valueOf() { log.push("c"); return 3; } }); log',
    'Math.max({ valueOf() { return 10; } }, 2)',
    'const log = []; const o = (n, v) => ({ valueOf() { log.push(n); return v; } }); try { Math.max(o("a", 1), Symbol(), o("c", 3)); } catch (e) { log.push(e.message); } log',
    'const log = []; const o = (n, v) => ({ valueOf() { log.push(n); return v; } }); [Math.hypot(o("a", 3), 4, o("b", 0)), log]',
    'const log = []; const o = (n, v) => ({ valueOf() { log.push(n); return v; } }); [Math.max(new Date(5), o("x", 9), new Date(20)), log]',
    'Math.min({ valueOf() { throw new Error("boom"); } })',
    'Math.abs({ valueOf() { return -4; } })',
    'Math.floor("3.7")',
    'Math.sqrt({ toString() { return "16"; }, valueOf: undefined })',
    'Math.round(new Number(2.5))',
    'Math.abs(-5n)',
  ],
  constants: [
    '[Math.E, Math.LN10, Math.LN2, Math.LOG10E, Math.LOG2E, Math.PI, Math.SQRT1_2, Math.SQRT2]',
    '[typeof Math, Object.prototype.toString.call(Math), Math[Symbol.toStringTag], String(Math)]',
    'Object.getOwnPropertyNames(Math).sort()',
    'Object.getOwnPropertyDescriptor(Math, "PI")',
    'Object.getOwnPropertyNames(Math).filter((k) => typeof Math[k] === "function").map((k) => [k, Math[k].length, Math[k].name])',
    '[typeof Math.random(), Math.random() >= 0, Math.random() < 1, Math.random.length]',
  ],
  'everyday helpers': [
    'const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x)); [-5, 0, 5, 10, 15].map((x) => clamp(x, 0, 10))',
    'const round2 = (x) => Math.round(x * 100) / 100; [1.005, 2.675, -1.005, 0.125].map(round2)',
    '[Math.trunc(-4.7), Math.floor(-4.7), Math.ceil(-4.2), Math.round(-4.5), Math.round(4.5), Math.round(-0.4)].map((r) => (Object.is(r, -0) ? "-0" : r))',
    'const xs = [2, 4, 4, 4, 5, 5, 7, 9]; const mean = xs.reduce((a, b) => a + b) / xs.length; Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length)',
    'Array.from({ length: 10 }, (_, i) => Math.sin(i) * Math.cos(i) + Math.tan(i / 10))',
    '[Math.log(Math.E), Math.log10(1000), Math.log2(8), Math.exp(1), Math.expm1(1e-10), Math.log1p(1e-10), Math.cbrt(-27), Math.sign(-3)]',
  ],
};

v8Table('Math differential table vs V8', CASES, 50);

describe('Math.random', () => {
  it('is the VM generator: deterministic per seed, in [0, 1)', () => {
    const src = 'Array.from({ length: 1000 }, () => Math.random())';
    const a = runSync(src, { seed: 123 }).value as number[];
    const b = runSync(src, { seed: 123 }).value as number[];
    const c = runSync(src, { seed: 124 }).value as number[];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(990);
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
