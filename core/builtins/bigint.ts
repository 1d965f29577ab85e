/**
 * BigInt: the (non-constructible) conversion function, `asIntN`/`asUintN` and the prototype.
 * Conversions of primitives run the host's BigInt (V8's messages); object arguments with guest
 * `valueOf`s are converted through the prelude first. Results that would be huge are checked
 * against the heap budget before the host allocates them.
 */
import { Cls, JSPrimitiveObject } from '../objects';
import { GSymbol, WELL_KNOWN, type Value } from '../value';
import { Attr } from '../shape';
import type { VM } from '../vm/interpreter';
import { LimitError } from '../errors';
import { registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { MAX_BIG_BITS, bigToStringWork } from '../vm/ops';
import { formatNumber, numberFormatOptions } from './intl';
import { guestArgs, hostCall, int, primOf, reorderProperties } from './convert';

/** The VM's bound on BigInt results (bits), as for `**` and `<<`. */
const MAX_BITS = MAX_BIG_BITS;

function tooLarge(vm: VM): never {
  throw new LimitError('heapBytes', vm.limits.heapBytes, vm.limits.heapBytes + 1, 'BigInt result too large for the heap budget; raise limits.heapBytes');
}

function thisBigInt(t: Value, method: string): bigint {
  if (typeof t === 'bigint') return t;
  if (t instanceof JSPrimitiveObject && t.cls === Cls.BigInt) return t.value as bigint;
  throw new GuestError('TypeError', `BigInt.prototype.${method} requires that 'this' be a BigInt`);
}

/** ToBigInt of a primitive (the host's messages). */
function primToBigInt(vm: VM, p: Value): bigint {
  switch (typeof p) {
    case 'bigint':
      return p;
    case 'boolean':
      return p ? 1n : 0n;
    case 'string':
      // ~3.32 bits per decimal digit; hex/binary literals are denser but shorter to write
      if (p.length > MAX_BITS / 3) tooLarge(vm);
      return hostCall(() => BigInt(p));
    case 'undefined':
      throw new GuestError('TypeError', 'Cannot convert undefined to a BigInt');
    case 'number':
      throw new GuestError('TypeError', `Cannot convert ${String(p)} to a BigInt`);
  }
  if (p === null) throw new GuestError('TypeError', 'Cannot convert null to a BigInt');
  if (p instanceof GSymbol) throw new GuestError('TypeError', `Cannot convert Symbol(${p.description ?? ''}) to a BigInt`);
  throw new GuestError('TypeError', 'Cannot convert object to a BigInt');
}

/** ToIndex for the bit count. */
function toIndex(vm: VM, v: Value): number {
  const n = v === undefined ? 0 : int(vm, v);
  if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER)) throw new GuestError('RangeError', 'Invalid value: not (convertible to) a safe integer');
  return n;
}

function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  return x === 0n ? 0 : x.toString(16).length * 4;
}

registerInstaller((r) => {
  const BP = r.BigIntPrototype;
  const B = r.ctor(
    'BigInt',
    1,
    guestArgs('n', (vm, _t, a, nt) => {
      // BigInt has [[Construct]] (so `class X extends BigInt` is allowed) but refuses `new`
      if (nt !== undefined) throw new GuestError('TypeError', 'BigInt is not a constructor');
      const p = primOf(vm, a[0], 'number');
      if (typeof p === 'number') {
        if (!Number.isInteger(p)) throw new GuestError('RangeError', `The number ${String(p)} cannot be converted to a BigInt because it is not an integer`);
        return BigInt(p);
      }
      return primToBigInt(vm, p);
    }),
    BP,
  );

  const toBig = (vm: VM, v: Value): bigint => (typeof v === 'bigint' ? v : primToBigInt(vm, primOf(vm, v, 'number')));

  r.method(
    B,
    'asUintN',
    2,
    guestArgs('nn', (vm, _t, a) => {
      const bits = toIndex(vm, a[0]);
      const x = toBig(vm, a[1]);
      if (x >= 0n && bitLength(x) <= bits) return x;
      if (x < 0n) {
        // the result has `bits` bits
        if (bits > 2 ** 30) throw new GuestError('RangeError', 'Maximum BigInt size exceeded');
        if (bits > MAX_BITS) tooLarge(vm);
        vm.reserve(Math.ceil(bits / 8) + 16);
      }
      return BigInt.asUintN(bits, x);
    }),
  );
  r.method(
    B,
    'asIntN',
    2,
    guestArgs('nn', (vm, _t, a) => {
      const bits = toIndex(vm, a[0]);
      const x = toBig(vm, a[1]);
      if (bits === 0) return 0n;
      // bitLength over-estimates by < 4 bits: a shorter x is unchanged, and otherwise
      // `bits` is bounded by x's own size (the result is never longer than x)
      if (bitLength(x) < bits) return x;
      return BigInt.asIntN(bits, x);
    }),
  );

  r.method(
    BP,
    'toString',
    0,
    guestArgs('n', (vm, t, a) => {
      const x = thisBigInt(t, 'toString');
      const radix = a[0] === undefined ? 10 : int(vm, a[0]);
      if (radix < 2 || radix > 36) throw new GuestError('RangeError', 'toString() radix argument must be between 2 and 36');
      const chars = Math.ceil(bitLength(x) / Math.log2(radix)) + 2;
      vm.reserve(chars * 2);
      vm.charge(16 + chars * 2);
      vm.chargeWork(bigToStringWork(chars, radix));
      return x.toString(radix);
    }),
  );
  r.method(
    BP,
    'toLocaleString',
    0,
    guestArgs('x', (vm, t, a) => formatNumber(thisBigInt(t, 'toLocaleString'), numberFormatOptions(vm, a[0], a[1], 'BigInt.prototype.toLocaleString'))),
  );
  r.method(BP, 'valueOf', 0, (_vm, t) => thisBigInt(t, 'valueOf'));
  BP.defineOwn(WELL_KNOWN.toStringTag, 'BigInt', Attr.Configurable);
  reorderProperties(BP, ['constructor', 'toLocaleString', 'toString', 'valueOf']);
});
