/**
 * Number and Boolean: constructors, statics and prototypes.
 *
 * Number formatting (`toString(radix)`, `toFixed`, `toPrecision`, `toExponential`) runs the
 * host's own methods on host numbers — the host is V8, so the digits are V8's.
 * `toLocaleString` formats en-US itself (intl.ts), never through host locale data.
 *
 * Also home of the helpers the numeric built-ins (Math, Date, BigInt, collections) share to
 * convert arguments without running guest code: a conversion that would call a guest
 * `valueOf`/`toString`/`@@toPrimitive` throws {@link NEEDS_GUEST}, and {@link guestArgs}
 * turns that into a tail call of the prelude's `capPrimCall`, which converts that argument
 * with guest code and calls the built-in again. The native has done nothing observable
 * before bailing out (only checks that throw), so the order of effects is the spec's.
 */
import { Cls, JSArray, JSObject, JSPrimitiveObject, type NativeFunction, type Slot } from '../objects';
import { addPreludeModule } from '../prelude/index';
import { Attr, Shape } from '../shape';
import { GSymbol, HOLE, type PropertyKey, type Value } from '../value';
import { Cont } from '../vm/frame';
import type { VM } from '../vm/interpreter';
import { nativeImpl, type NativeImpl, type PUSHED } from '../vm/natives';
import { primToNumber, primToString, toBoolean, toIntegerOrInfinity } from '../vm/ops';
import { registerInstaller, type Realm } from '../vm/realm';
import { GuestError, type ErrorType } from '../vm/throw';
import { formatNumber, numberFormatOptions } from './intl';

// ---- shared conversion helpers ----------------------------------------------------------

/** Thrown (never escapes a {@link guestArgs} native) when a conversion needs guest code. */
export const NEEDS_GUEST: { readonly needsGuest: true } = Object.freeze({ needsGuest: true as const });

/** ToPrimitive without guest code, or throws {@link NEEDS_GUEST}. */
export function primOf(vm: VM, v: Value, hint: 'string' | 'number' | 'default'): Value {
  if (!(v instanceof JSObject)) return v;
  const p = vm.toPrimitiveNative(v, hint);
  if (p === HOLE) throw NEEDS_GUEST;
  return p as Value;
}

/** ToNumber (BigInt and Symbol throw TypeErrors like V8). */
export function num(vm: VM, v: Value): number {
  if (typeof v === 'number') return v;
  return primToNumber(primOf(vm, v, 'number'));
}

/** ToIntegerOrInfinity. */
export function int(vm: VM, v: Value): number {
  return toIntegerOrInfinity(typeof v === 'number' ? v : num(vm, v));
}

/** ToString. */
export function str(vm: VM, v: Value): string {
  if (typeof v === 'string') return v;
  return primToString(primOf(vm, v, 'string'));
}

/**
 * Wraps a native whose argument conversions may need guest code. `hints` gives, per
 * argument position, how the prelude converts an object argument before the retry:
 * 'n' number, 's' string, 'd' default, anything else: left alone. Positions past the
 * string's end use its last character.
 */
export function guestArgs(hints: string, impl: NativeImpl): NativeImpl {
  return (vm, thisv, args, nt, self) => {
    try {
      return impl(vm, thisv, args, nt, self);
    } catch (e) {
      if (e !== NEEDS_GUEST) throw e;
      return retryWithPrimitives(vm, self, thisv, args, nt, hints);
    }
  };
}

/**
 * Tail-calls the prelude to convert the first argument that needs guest code and call `self`
 * again with it replaced by the primitive. Arguments before it convert natively (in order,
 * without effects); a later guest argument bails out again, so conversions (and the errors of
 * primitive arguments between them) happen in the spec's order.
 */
export function retryWithPrimitives(vm: VM, self: NativeFunction, thisv: Value, args: Value[], nt: Value, hints: string): Value | typeof PUSHED {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!(a instanceof JSObject)) continue;
    const h = hints[Math.min(i, hints.length - 1)];
    const hint = h === 'n' ? 'number' : h === 's' ? 'string' : h === 'd' ? 'default' : null;
    if (hint === null || vm.toPrimitiveNative(a, hint) !== HOLE) continue;
    return vm.pushCall(vm.realm.prelude.capPrimCall, undefined, [self, thisv, vm.newArray(args.slice()), i, hint, nt], Cont.Normal);
  }
  throw new Error('internal: no argument needs guest code');
}

/** Runs host number/bigint code, turning host errors into guest errors with the same message. */
export function hostCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError || e instanceof SyntaxError) {
      throw new GuestError(e.name as ErrorType, e.message);
    }
    throw e;
  }
}

/** The prototype for an object made by `new C(...)` (GetPrototypeFromConstructor). */
export function protoFor(vm: VM, nt: Value, dflt: JSObject): JSObject {
  if (nt instanceof JSObject) {
    const s = vm.lookup(nt, 'prototype');
    if (s instanceof JSObject) return s;
  }
  return dflt;
}

/** A wrapper object for a primitive (Number, Boolean, String, BigInt objects). */
export function wrapPrimitive(vm: VM, proto: JSObject, cls: Cls, value: Value): JSPrimitiveObject {
  vm.charge(48);
  const o = new JSPrimitiveObject(proto, cls, value);
  o.shape = vm.realm.rootShape(proto);
  return o;
}

import { constructorName, receiverText } from './util';

/**
 * Puts an intrinsic's own properties in V8's order (what getOwnPropertyNames shows): the
 * keys of `order` first, then the others as they were. Self-hosted methods are installed
 * after the prelude compiles, so give them a placeholder slot (see {@link placeholder}).
 */
export function reorderProperties(o: JSObject, order: readonly PropertyKey[]): void {
  const old = o.shape;
  const keys: PropertyKey[] = [];
  const attrs: number[] = [];
  const slots: Slot[] = [];
  const take = (k: PropertyKey) => {
    const i = old.index.get(k);
    if (i === undefined) return;
    keys.push(k);
    attrs.push(old.attrs[i]);
    slots.push(o.getSlot(i));
  };
  const first = new Set(order);
  for (const k of order) take(k);
  for (const k of old.keys) if (!first.has(k)) take(k);
  const index = new Map<PropertyKey, number>();
  keys.forEach((k, i) => index.set(k, i));
  const s = new Shape(keys, attrs, index, true);
  for (let i = 0; i < keys.length; i++) s.noteKey(keys[i], attrs[i]);
  o.shape = s;
  o.setSlotValues(slots);
}

/** Reserves a method's place for a self-hosted function installed later. */
export function placeholder(o: JSObject, name: PropertyKey): void {
  o.defineOwn(name, undefined, Attr.Hidden);
}

// ---- prelude: guest conversions for the helpers above ------------------------------------

addPreludeModule({
  exports: ['capPrimCall'],
  source: String.raw`
function capPrimCall(f, thisv, args, i, hint, nt) {
  args[i] = toPrimitive(args[i], hint);
  if (nt !== undefined) return $.primConstruct(f, nt, args);
  return $.apply(f, thisv, args);
}
`,
});

// ---- Number -----------------------------------------------------------------------------

function thisNumber(vm: VM, t: Value, method: string): number {
  if (typeof t === 'number') return t;
  if (t instanceof JSPrimitiveObject && t.cls === Cls.Number) return t.value as number;
  if (t === vm.realm.NumberPrototype) return 0; // Number.prototype is a Number object whose value is +0
  throw new GuestError('TypeError', `Number.prototype.${method} requires that 'this' be a Number`);
}

function thisBoolean(vm: VM, t: Value, method: string): boolean {
  if (typeof t === 'boolean') return t;
  if (t instanceof JSPrimitiveObject && t.cls === Cls.Boolean) return t.value as boolean;
  if (t === vm.realm.BooleanPrototype) return false; // Boolean.prototype is a Boolean object whose value is false
  throw new GuestError('TypeError', `Boolean.prototype.${method} requires that 'this' be a Boolean`);
}

registerInstaller((r: Realm) => {
  r.internal('primConstruct', 3, (vm, _t, a) => {
    const f = a[0] as NativeFunction;
    const args = a[2] instanceof JSObject ? listOf(a[2]) : [];
    const impl = nativeOf(f);
    return impl(vm, undefined, args, a[1], f);
  });

  const NP = r.NumberPrototype;
  NP.cls = Cls.Number;
  const N = r.ctor(
    'Number',
    1,
    guestArgs('n', (vm, _t, a, nt) => {
      let n = 0;
      if (a.length > 0) {
        const p = primOf(vm, a[0], 'number');
        n = typeof p === 'bigint' ? Number(p) : primToNumber(p);
      }
      if (nt === undefined) return n;
      return wrapPrimitive(vm, protoFor(vm, nt, vm.realm.NumberPrototype), Cls.Number, n);
    }),
    NP,
  );
  const c = (k: string, v: number) => N.defineOwn(k, v, 0);
  c('EPSILON', Number.EPSILON);
  c('MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER);
  c('MIN_SAFE_INTEGER', Number.MIN_SAFE_INTEGER);
  c('MAX_VALUE', Number.MAX_VALUE);
  c('MIN_VALUE', Number.MIN_VALUE);
  c('NaN', NaN);
  c('NEGATIVE_INFINITY', -Infinity);
  c('POSITIVE_INFINITY', Infinity);
  r.method(N, 'isFinite', 1, (_vm, _t, a) => typeof a[0] === 'number' && Number.isFinite(a[0]));
  r.method(N, 'isInteger', 1, (_vm, _t, a) => typeof a[0] === 'number' && Number.isInteger(a[0]));
  r.method(N, 'isNaN', 1, (_vm, _t, a) => typeof a[0] === 'number' && Number.isNaN(a[0]));
  r.method(N, 'isSafeInteger', 1, (_vm, _t, a) => typeof a[0] === 'number' && Number.isSafeInteger(a[0]));
  // Number.parseInt === parseInt and Number.parseFloat === parseFloat, as in V8.
  for (const name of ['parseFloat', 'parseInt']) {
    const g = r.globalObject.shape.index.get(name);
    if (g !== undefined) N.defineOwn(name, r.globalObject.getSlot(g) as Value, Attr.Hidden);
  }

  r.method(
    NP,
    'toString',
    1,
    guestArgs('n', (vm, t, a) => {
      const x = thisNumber(vm, t, 'toString');
      const radix = a[0] === undefined ? 10 : int(vm, a[0]);
      if (radix < 2 || radix > 36) throw new GuestError('RangeError', 'toString() radix argument must be between 2 and 36');
      return radix === 10 ? String(x) : x.toString(radix);
    }),
  );
  r.method(
    NP,
    'toLocaleString',
    0,
    guestArgs('x', (vm, t, a) => {
      const x = thisNumber(vm, t, 'toLocaleString');
      return formatNumber(x, numberFormatOptions(vm, a[0], a[1]));
    }),
  );
  r.method(NP, 'valueOf', 0, (vm, t) => thisNumber(vm, t, 'valueOf'));
  r.method(
    NP,
    'toFixed',
    1,
    guestArgs('n', (vm, t, a) => {
      const x = thisNumber(vm, t, 'toFixed');
      const f = int(vm, a[0]);
      if (!(f >= 0 && f <= 100)) throw new GuestError('RangeError', 'toFixed() digits argument must be between 0 and 100');
      return x.toFixed(f);
    }),
  );
  r.method(
    NP,
    'toExponential',
    1,
    guestArgs('n', (vm, t, a) => {
      const x = thisNumber(vm, t, 'toExponential');
      const f = int(vm, a[0]);
      if (!Number.isFinite(x)) return String(x);
      if (!(f >= 0 && f <= 100)) throw new GuestError('RangeError', 'toExponential() argument must be between 0 and 100');
      return a[0] === undefined ? x.toExponential() : x.toExponential(f);
    }),
  );
  r.method(
    NP,
    'toPrecision',
    1,
    guestArgs('n', (vm, t, a) => {
      const x = thisNumber(vm, t, 'toPrecision');
      if (a[0] === undefined) return String(x);
      const p = int(vm, a[0]);
      if (!Number.isFinite(x)) return String(x);
      if (!(p >= 1 && p <= 100)) throw new GuestError('RangeError', 'toPrecision() argument must be between 1 and 100');
      return x.toPrecision(p);
    }),
  );

  reorderProperties(N, ['length', 'name', 'prototype', 'isFinite', 'isInteger', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt', 'MAX_VALUE', 'MIN_VALUE', 'NaN', 'NEGATIVE_INFINITY', 'POSITIVE_INFINITY', 'MAX_SAFE_INTEGER', 'MIN_SAFE_INTEGER', 'EPSILON']);
  reorderProperties(NP, ['constructor', 'toExponential', 'toFixed', 'toPrecision', 'toString', 'valueOf', 'toLocaleString']);

  // ---- Boolean ----
  const BP = r.BooleanPrototype;
  BP.cls = Cls.Boolean;
  r.ctor(
    'Boolean',
    1,
    (vm, _t, a, nt) => {
      const b = toBoolean(a[0]);
      if (nt === undefined) return b;
      return wrapPrimitive(vm, protoFor(vm, nt, vm.realm.BooleanPrototype), Cls.Boolean, b);
    },
    BP,
  );
  r.method(BP, 'toString', 0, (vm, t) => (thisBoolean(vm, t, 'toString') ? 'true' : 'false'));
  r.method(BP, 'valueOf', 0, (vm, t) => thisBoolean(vm, t, 'valueOf'));
});


function listOf(a: JSObject): Value[] {
  if (!(a instanceof JSArray)) return [];
  return a.elements.map((e) => (e === HOLE ? undefined : e)) as Value[];
}

function nativeOf(f: NativeFunction): NativeImpl {
  return nativeImpl(f.nativeId);
}
