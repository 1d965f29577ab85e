/**
 * Number and Boolean: constructors, statics and prototypes.
 *
 * Number formatting (`toString(radix)`, `toFixed`, `toPrecision`, `toExponential`) runs the
 * host's own methods on host numbers — the host is V8, so the digits are V8's.
 * `toLocaleString` formats en-US itself (intl.ts), never through host locale data.
 *
 * The argument conversion helpers the numeric built-ins share live in convert.ts.
 */
import { Cls, JSArray, JSObject, JSPrimitiveObject, type NativeFunction } from '../objects';
import { Attr } from '../shape';
import { HOLE, type Value } from '../value';
import type { VM } from '../vm/interpreter';
import { nativeImpl, type NativeImpl } from '../vm/natives';
import { primToNumber, toBoolean } from '../vm/ops';
import { registerInstaller, type Realm } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { formatNumber, numberFormatOptions } from './intl';
import { guestArgs, int, primOf, protoFor, reorderProperties, wrapPrimitive } from './convert';

// ---- Number -----------------------------------------------------------------------------

function thisNumber(vm: VM, t: Value, method: string): number {
  if (typeof t === 'number') return t;
  if (t instanceof JSPrimitiveObject && t.cls === Cls.Number) return t.value as number;
  throw new GuestError('TypeError', `Number.prototype.${method} requires that 'this' be a Number`);
}

function thisBoolean(vm: VM, t: Value, method: string): boolean {
  if (typeof t === 'boolean') return t;
  if (t instanceof JSPrimitiveObject && t.cls === Cls.Boolean) return t.value as boolean;
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
    if (g === undefined) throw new Error(`internal: the global ${name} must be installed before Number`);
    N.defineOwn(name, r.globalObject.getSlot(g) as Value, Attr.Hidden);
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
