/**
 * Self-hosted parts of String and RegExp: conversions that may run guest
 * `toString`/`valueOf`/`Symbol.toPrimitive`, and calls of function replacers. The
 * natives do all the matching; the prelude only calls back into guest code.
 */
import { JSObject, isCallable, type NativeFunction } from '../objects';
import { addPreludeModule } from '../prelude/index';
import { GSymbol, HOLE, type Value } from '../value';
import { GuestError } from '../vm/throw';
import { Cont } from '../vm/frame';
import type { VM } from '../vm/interpreter';
import type { PUSHED } from '../vm/natives';

addPreludeModule({
  exports: ['strSlowCall', 'strReplaceCalls', 'strCtorSlow', 'regexpCtorSlow', 'regexpTestSlow', 'regexpLastIndexSlow'],
  source: String.raw`
function strSlowCall(f, t, args, hints, keepThis) {
  const s = !keepThis && $.isObject(t) ? toPrimitive(t, 'string') : t;
  const conv = [];
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    const h = i < hints.length ? hints[i] : 'k';
    if ($.isObject(a) && h !== 'k' && !(h === 'r' && typeof a === 'function')) a = toPrimitive(a, h === 'n' ? 'number' : 'string');
    $.arrayPush(conv, a);
  }
  return $.apply(f, s, conv);
}
function strReplaceCalls(fn, calls, pieces) {
  let out = pieces[0];
  for (let i = 0; i < calls.length; i++) {
    const r = $.apply(fn, undefined, calls[i]);
    out += ${'`${r}`'} + pieces[i + 1];
  }
  return out;
}
function strCtorSlow(v, newTarget) {
  return $.stringCreate(${'`${toPrimitive(v, "string")}`'}, newTarget);
}
function regexpCtorSlow(p, f, proto) {
  return $.regexpCreate(p === undefined ? '' : ${'`${toPrimitive(p, "string")}`'}, f === undefined ? '' : ${'`${toPrimitive(f, "string")}`'}, proto);
}
function regexpLastIndexSlow(f, re, args) {
  const li = re.lastIndex;
  re.lastIndex = toPrimitive(li, 'number');
  const r = $.apply(f, re, args);
  if (!re.global && !re.sticky) re.lastIndex = li;
  return r;
}
function regexpTestSlow(exec, r, s) {
  const res = $.call(exec, r, s);
  if (res !== null && !$.isObject(res)) throw new TypeError('object null is not a function');
  return res !== null;
}
`,
});

/**
 * Conversion hints of a method's arguments for the slow path: `s` ToString, `n`
 * ToNumber, `r` ToString unless callable (replacers), `k` keep as is.
 */
export type Hints = string;

/** ToPrimitive without guest code; HOLE when a guest method would run. */
export function primOrHole(vm: VM, v: Value, hint: 'string' | 'number'): Value | typeof HOLE {
  if (!(v instanceof JSObject)) return v;
  return vm.toPrimitiveNative(v, hint);
}

/**
 * Converts the object arguments named by `hints` to primitives natively; returns null
 * when a guest conversion method would run (the caller then takes {@link slowCall}).
 */
export function convertArgs(vm: VM, args: Value[], hints: Hints): Value[] | null {
  let out = args;
  const n = Math.min(hints.length, args.length);
  for (let i = 0; i < n; i++) {
    const v = args[i];
    const h = hints.charCodeAt(i);
    // a primitive that cannot convert throws here, before a later argument's conversion
    if (v instanceof GSymbol && (h === 0x73 /* s */ || h === 0x6e /* n */)) {
      throw new GuestError('TypeError', `Cannot convert a Symbol value to a ${h === 0x73 ? 'string' : 'number'}`);
    }
    if (typeof v === 'bigint' && h === 0x6e /* n */) throw new GuestError('TypeError', 'Cannot convert a BigInt value to a number');
    if (!(v instanceof JSObject)) continue;
    if (h === 0x6b /* k */ || (h === 0x72 /* r */ && isCallable(v))) continue;
    const p = vm.toPrimitiveNative(v, h === 0x6e /* n */ ? 'number' : 'string');
    if (p === HOLE) return null;
    if (out === args) out = args.slice();
    out[i] = p as Value;
  }
  return out;
}

/**
 * Re-calls the native `self` from the prelude after converting `this` (unless
 * `keepThis`) and the arguments there (guest conversion methods run as ordinary guest
 * calls).
 */
export function slowCall(vm: VM, self: NativeFunction, thisv: Value, args: Value[], hints: Hints, keepThis = false): Value | typeof PUSHED {
  return vm.pushCall(vm.realm.prelude.strSlowCall, undefined, [self, thisv, vm.newArray(args), hints, keepThis], Cont.Normal);
}
