/**
 * Abstract operations on guest values that never run guest code: type conversions of
 * primitives, equality, typeof, property keys, number formatting. Conversions of
 * objects that may call guest `valueOf`/`toString` go through the prelude instead.
 */
import { Cls, JSArray, JSFunction, JSObject, JSPrimitiveObject, NativeFunction } from '../objects';
import { GSymbol, PrivateName, type PropertyKey, type Value } from '../value';
import { GuestError } from './throw';

export function isObject(v: Value): v is JSObject {
  return v instanceof JSObject;
}

export function typeOf(v: Value): string {
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'bigint':
      return 'bigint';
  }
  if (v === null) return 'object';
  if (v instanceof GSymbol) return 'symbol';
  if (v instanceof JSFunction || v instanceof NativeFunction) return 'function';
  return 'object';
}

export function toBoolean(v: Value): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0 && v === v;
    case 'string':
      return v.length > 0;
    case 'undefined':
      return false;
    case 'bigint':
      return v !== 0n;
  }
  return v !== null;
}

/** ToNumber for primitives (objects must be converted to primitives first). */
export function primToNumber(v: Value): number {
  switch (typeof v) {
    case 'number':
      return v;
    case 'string':
      return stringToNumber(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'undefined':
      return NaN;
  }
  if (v === null) return 0;
  if (typeof v === 'bigint') throw new GuestError('TypeError', 'Cannot convert a BigInt value to a number');
  if (v instanceof GSymbol) throw new GuestError('TypeError', 'Cannot convert a Symbol value to a number');
  throw new Error('primToNumber on object');
}

/** StringToNumber: host Number() implements exactly the spec grammar. */
export function stringToNumber(s: string): number {
  return Number(s);
}

/** ToString for primitives. Host String() matches the spec for every primitive but symbols. */
export function primToString(v: Value): string {
  if (typeof v === 'string') return v;
  if (v instanceof GSymbol) throw new GuestError('TypeError', 'Cannot convert a Symbol value to a string');
  if (v instanceof JSObject) throw new Error('primToString on object');
  return typeof v === 'bigint' ? bigToString(v) : String(v);
}

export function symbolDescriptiveString(s: GSymbol): string {
  return `Symbol(${s.description ?? ''})`;
}

/** ToPropertyKey for primitives. */
export function toPropertyKey(v: Value): PropertyKey {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberKey(v);
  if (v instanceof GSymbol) return v;
  return primToString(v);
}

/** The property key of a number: canonical string form. */
export function numberKey(n: number): string {
  return String(n);
}

export function strictEquals(a: Value, b: Value): boolean {
  return a === b;
}

/** SameValueZero (Map/Set keys, includes). */
export function sameValueZero(a: Value, b: Value): boolean {
  return a === b || (a !== a && b !== b);
}

export function sameValue(a: Value, b: Value): boolean {
  return Object.is(a, b);
}

/**
 * IsLooselyEqual when neither side needs ToPrimitive of an object; returns undefined
 * when an object must be converted first (the caller uses the prelude).
 */
export function looseEqualsPrim(a: Value, b: Value): boolean | undefined {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (ta === tb && ta !== 'object') return a === b;
  if (a instanceof JSObject && b instanceof JSObject) return false;
  if (a instanceof JSObject || b instanceof JSObject) {
    // object vs symbol compares identity only after ToPrimitive; caller converts
    return undefined;
  }
  if (a instanceof GSymbol || b instanceof GSymbol) return false;
  // number/string/boolean/bigint mixes: the host's == implements the spec exactly
  return (a as number) == (b as number);
}

export function isArray(v: Value): v is JSArray {
  return v instanceof JSArray;
}

export function isPrivate(k: PropertyKey): k is PrivateName {
  return k instanceof PrivateName;
}

/** Integer index of a property key, or -1. */
export function arrayIndexOf(key: PropertyKey): number {
  if (typeof key !== 'string') return -1;
  const n = key.length;
  if (n === 0 || n > 10) return -1;
  const c0 = key.charCodeAt(0);
  if (c0 < 48 || c0 > 57) return -1;
  if (c0 === 48 && n > 1) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v < 4294967295 ? v : -1;
}

/** ToIntegerOrInfinity for numbers. */
export function toIntegerOrInfinity(n: number): number {
  if (n !== n) return 0;
  if (n === Infinity || n === -Infinity) return n;
  const t = Math.trunc(n);
  return t === 0 ? 0 : t;
}

export function toInt32(n: number): number {
  return n | 0;
}

export function toUint32(n: number): number {
  return n >>> 0;
}

/** Whether a primitive-wrapper or plain object is of a class. */
export function hasCls(v: Value, cls: Cls): v is JSObject {
  return v instanceof JSObject && v.cls === cls;
}

export function primitiveOf(v: Value): Value {
  return v instanceof JSPrimitiveObject ? v.value : v;
}

/**
 * Bound on BigInt results (bits): 128 KiB, about 315 000 decimal digits. Far below V8's own
 * maximum, so that even the slowest operation on the largest value (V8's decimal conversion
 * is quadratic) takes a fraction of a second of host time.
 */
export const MAX_BIG_BITS = 1 << 20;
const BIG64 = 1n << 64n;

/** Bit length of a BigInt, rounded up to a multiple of 4 (64 for anything that small: O(1) then). */
export function bigBits(x: bigint): number {
  if (x < BIG64 && x > -BIG64) return 64;
  return (x < 0n ? -x : x).toString(16).length * 4;
}

/** Instructions charged for multiplying (or dividing) numbers of these sizes: ~ Karatsuba on 64-bit limbs. */
export function bigMulWork(bx: number, by: number): number {
  const n = Math.max(bx, by) / 64;
  const m = Math.min(bx, by) / 64;
  return n <= 64 || m <= 64 ? (n * m) / 16 : (n / m) * m ** 1.6 / 8;
}

/** Instructions charged for a decimal (non-power-of-two radix) conversion of `chars` digits: quadratic in V8. */
export function bigToStringWork(chars: number, radix = 10): number {
  return (chars >> 2) + ((radix & (radix - 1)) === 0 ? 0 : Math.floor((chars * chars) / 4096));
}

/**
 * The running VM's instruction meter, for conversions deep in helpers that have no VM at
 * hand (a large BigInt turned into a string). The VM installs itself when its loop runs.
 */
let workMeter: { chargeWork(n: number): void } | null = null;
/** Installs `m` as the work meter; returns the one it replaces (to put back when `m` stops). */
export function setWorkMeter(m: { chargeWork(n: number): void } | null): { chargeWork(n: number): void } | null {
  const prev = workMeter;
  workMeter = m;
  return prev;
}

function bigToString(v: bigint): string {
  if (workMeter !== null && (v >= BIG64 || v <= -BIG64)) workMeter.chargeWork(bigToStringWork(Math.ceil(bigBits(v) / 3.32)));
  return String(v);
}

