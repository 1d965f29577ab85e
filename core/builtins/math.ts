/**
 * Math: every function and constant of V8's Math (Node 20 has no `f16round`/`sumPrecise`).
 * The host's Math computes on host numbers, so results are bit-identical to V8's.
 * `Math.random` draws from the VM's seeded generator (`vm.random()`).
 * Arguments that are objects with guest `valueOf`s are converted through the prelude
 * (see `guestArgs` in number.ts).
 */
import { registerInstaller } from '../vm/realm';
import type { VM } from '../vm/interpreter';
import type { Value } from '../value';
import type { NativeImpl } from '../vm/natives';
import { guestArgs, num } from './convert';

type Unary = (x: number) => number;
type Binary = (x: number, y: number) => number;

registerInstaller((r) => {
  const M = r.namespace('Math', 'Math');
  const unary = new Map<string, Unary>([
    ['abs', Math.abs],
    ['acos', Math.acos],
    ['acosh', Math.acosh],
    ['asin', Math.asin],
    ['asinh', Math.asinh],
    ['atan', Math.atan],
    ['atanh', Math.atanh],
    ['ceil', Math.ceil],
    ['cbrt', Math.cbrt],
    ['expm1', Math.expm1],
    ['clz32', Math.clz32],
    ['cos', Math.cos],
    ['cosh', Math.cosh],
    ['exp', Math.exp],
    ['floor', Math.floor],
    ['fround', Math.fround],
    ['log', Math.log],
    ['log1p', Math.log1p],
    ['log2', Math.log2],
    ['log10', Math.log10],
    ['round', Math.round],
    ['sign', Math.sign],
    ['sin', Math.sin],
    ['sinh', Math.sinh],
    ['sqrt', Math.sqrt],
    ['tan', Math.tan],
    ['tanh', Math.tanh],
    ['trunc', Math.trunc],
  ]);
  const binary = new Map<string, Binary>([
    ['atan2', Math.atan2],
    ['imul', Math.imul],
    ['pow', Math.pow],
  ]);
  const all = (vm: VM, a: Value[]): number[] => {
    const out = new Array<number>(a.length);
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      out[i] = typeof v === 'number' ? v : num(vm, v);
    }
    return out;
  };
  const special = new Map<string, [number, NativeImpl]>([
    [
      'max',
      [
        2,
        guestArgs('n', (vm, _t, a) => {
          if (a.length === 2 && typeof a[0] === 'number' && typeof a[1] === 'number') return Math.max(a[0], a[1]);
          return maxOf(all(vm, a));
        }),
      ],
    ],
    [
      'min',
      [
        2,
        guestArgs('n', (vm, _t, a) => {
          if (a.length === 2 && typeof a[0] === 'number' && typeof a[1] === 'number') return Math.min(a[0], a[1]);
          return minOf(all(vm, a));
        }),
      ],
    ],
    ['hypot', [2, guestArgs('n', (vm, _t, a) => hypot(all(vm, a)))]],
    ['random', [0, (vm) => vm.random()]],
  ]);
  // V8's property order: the functions, then the constants
  for (const name of ORDER) {
    const f = unary.get(name);
    if (f) {
      r.method(
        M,
        name,
        1,
        guestArgs('n', (vm, _t, a) => {
          const x = a[0];
          return f(typeof x === 'number' ? x : num(vm, x));
        }),
      );
      continue;
    }
    const g = binary.get(name);
    if (g) {
      r.method(
        M,
        name,
        2,
        guestArgs('n', (vm, _t, a) => {
          const x = a[0];
          const y = a[1];
          const nx = typeof x === 'number' ? x : num(vm, x);
          return g(nx, typeof y === 'number' ? y : num(vm, y));
        }),
      );
      continue;
    }
    const [len, impl] = special.get(name)!;
    r.method(M, name, len, impl);
  }
  const constants: [string, number][] = [
    ['E', Math.E],
    ['LN10', Math.LN10],
    ['LN2', Math.LN2],
    ['LOG10E', Math.LOG10E],
    ['LOG2E', Math.LOG2E],
    ['PI', Math.PI],
    ['SQRT1_2', Math.SQRT1_2],
    ['SQRT2', Math.SQRT2],
  ];
  for (const [k, v] of constants) M.defineOwn(k, v, 0);
});

const ORDER = ['abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'atan2', 'ceil', 'cbrt', 'expm1', 'clz32', 'cos', 'cosh', 'exp', 'floor', 'fround', 'hypot', 'imul', 'log', 'log1p', 'log2', 'log10', 'max', 'min', 'pow', 'random', 'round', 'sign', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc'];

// No spread of huge argument lists into host calls: loop instead.
function maxOf(xs: number[]): number {
  let m = -Infinity;
  for (const x of xs) {
    if (x !== x) return NaN;
    if (x > m || (x === 0 && m === 0 && !Object.is(x, -0))) m = x;
  }
  return m;
}

function minOf(xs: number[]): number {
  let m = Infinity;
  for (const x of xs) {
    if (x !== x) return NaN;
    if (x < m || (x === 0 && m === 0 && Object.is(x, -0))) m = x;
  }
  return m;
}

function hypot(xs: number[]): number {
  if (xs.length <= 64) return Math.hypot(...xs);
  let inf = false;
  let nan = false;
  for (const x of xs) {
    if (x === Infinity || x === -Infinity) inf = true;
    else if (x !== x) nan = true;
  }
  if (inf) return Infinity;
  if (nan) return NaN;
  // V8: scale by the largest magnitude, Kahan-summed squares
  let max = 0;
  for (const x of xs) max = Math.max(max, Math.abs(x));
  if (max === 0) return 0;
  let sum = 0;
  let comp = 0;
  for (const x of xs) {
    const n = Math.abs(x) / max;
    const s = n * n - comp;
    const prelim = sum + s;
    comp = prelim - sum - s;
    sum = prelim;
  }
  return Math.sqrt(sum) * max;
}
