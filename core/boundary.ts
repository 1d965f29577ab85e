/**
 * The structured boundary: values are copied in both directions, so the guest never
 * holds a host object and the host never receives a live guest object. Host values
 * are checked by walking them (plain prototype from any realm, no accessors, no
 * cycles) — never with `instanceof`, which fails across realms.
 */
import { CapabilityError, LimitError } from './errors';
import { JSArray, JSObject } from './objects';
import { Attr } from './shape';
import { HOLE, type Marker, type Value } from './value';
import type { VM } from './vm/interpreter';
import { arrayIndexOf } from './vm/ops';

/** Nesting bound for copies (recursion depth on the host stack). */
const MAX_DEPTH = 2000;

/** A value that may cross the boundary. */
export type Structured = undefined | null | boolean | number | string | Structured[] | { [key: string]: Structured };

function isPlainHostObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  if (proto === null) return true;
  // Object.prototype of any realm: its own prototype is null and it has a constructor named Object
  return Object.getPrototypeOf(proto) === null && typeof proto.constructor === 'function' && proto.constructor.name === 'Object';
}

/** Copies a host value into the guest heap, rejecting anything not structured. */
export function toGuest(vm: VM, v: unknown, path = 'value', seen?: Set<object>): Value {
  switch (typeof v) {
    case 'undefined':
    case 'boolean':
    case 'number':
    case 'string':
      return v;
    case 'object':
      break;
    default:
      throw new CapabilityError(`${path}: ${typeof v} values cannot cross the boundary`);
  }
  if (v === null) return null;
  // created here, not as a default parameter: primitives (most answers) need none
  seen ??= new Set();
  if (seen.has(v)) throw new CapabilityError(`${path}: cyclic structure cannot cross the boundary`);
  if (seen.size > MAX_DEPTH) throw new CapabilityError(`${path}: nested deeper than ${MAX_DEPTH} levels`);
  seen.add(v);
  try {
    if (Array.isArray(v)) {
      const out: (Value | Marker)[] = [];
      for (let i = 0; i < v.length; i++) {
        if (!Object.prototype.hasOwnProperty.call(v, i)) {
          out.push(HOLE);
          continue;
        }
        const d = Object.getOwnPropertyDescriptor(v, i)!;
        if (d.get || d.set) throw new CapabilityError(`${path}[${i}]: accessor properties cannot cross the boundary`);
        out.push(toGuest(vm, d.value, `${path}[${i}]`, seen));
      }
      return vm.newArray(out);
    }
    if (!isPlainHostObject(v)) throw new CapabilityError(`${path}: only plain objects and arrays can cross the boundary`);
    const o = vm.newObject();
    for (const key of Reflect.ownKeys(v)) {
      if (typeof key === 'symbol') throw new CapabilityError(`${path}: symbol keys cannot cross the boundary`);
      const d = Object.getOwnPropertyDescriptor(v, key)!;
      if (d.get || d.set) throw new CapabilityError(`${path}.${key}: accessor properties cannot cross the boundary`);
      if (!d.enumerable) continue;
      vm.defineData(o, key, toGuest(vm, d.value, `${path}.${key}`, seen));
    }
    return o;
  } finally {
    seen.delete(v);
  }
}

/** Objects copied by the current top-level toHost / toHostStrict call. */
let copied = 0;

/**
 * Counts one copied object. Shared references make a small guest value a huge host copy
 * (`for (…) o = { a: o, b: o }` has 2^n paths), so a copy may make no more objects than the
 * run may allocate: beyond that it stops with a LimitError before the host allocates more.
 */
function countCopy(vm: VM, seen: Set<JSObject>): void {
  if (seen.size === 0) copied = 0;
  const limit = vm.limits.allocations;
  if (++copied > limit) {
    throw new LimitError('allocations', limit, copied, `limit exceeded: allocations (limit ${limit}) copying a value out of the sandbox (shared references expand it); return a smaller value or raise limits.allocations`);
  }
}

/**
 * Copies a guest value out as plain host data: arrays (holes kept), objects' own
 * enumerable string-keyed data properties, primitives. Functions and symbols become
 * undefined; cycles are cut (`undefined`).
 */
export function toHost(vm: VM, v: Value, seen: Set<JSObject> = new Set()): unknown {
  if (seen.size > MAX_DEPTH) throw new CapabilityError(`value nested deeper than ${MAX_DEPTH} levels cannot cross the boundary`);
  if (!(v instanceof JSObject)) {
    if (typeof v === 'object' && v !== null) return undefined; // symbols
    return v;
  }
  if (seen.has(v)) return undefined;
  countCopy(vm, seen);
  seen.add(v);
  try {
    if (v instanceof JSArray) {
      const out: unknown[] = new Array(v.elements.length);
      for (let i = 0; i < v.elements.length; i++) {
        const e = v.elements[i];
        if (e !== HOLE) out[i] = toHost(vm, e as Value, seen);
      }
      // named properties of arrays travel too (`a[-1] = x`, `a.total = n`)
      if (v.shape.keys.length) {
        for (const k of vm.ownKeys(v, true, false)) {
          if (typeof k !== 'string' || arrayIndexOf(k) >= 0) continue;
          const s = vm.ownSlot(v, k);
          if (s === HOLE || (s !== null && typeof s === 'object' && !(s instanceof JSObject) && 'get' in s)) continue;
          Object.defineProperty(out, k, { value: toHost(vm, s as Value, seen), enumerable: true, writable: true, configurable: true });
        }
      }
      return out;
    }
    if (vm.typeOfValue(v) === 'function') return undefined;
    const out: Record<string, unknown> = {};
    for (const k of vm.ownKeys(v, true, false)) {
      const s = vm.ownSlot(v, k);
      if (s === HOLE || (s !== null && typeof s === 'object' && !(s instanceof JSObject) && 'get' in s)) continue;
      Object.defineProperty(out, k as string, { value: toHost(vm, s as Value, seen), enumerable: true, writable: true, configurable: true });
    }
    return out;
  } finally {
    seen.delete(v);
  }
}

/** Primitives that cross the boundary unchanged in both directions (not bigints or symbols). */
function crossesAsItself(v: unknown): boolean {
  const t = typeof v;
  return t === 'number' || t === 'string' || t === 'boolean' || v === null || v === undefined;
}

/**
 * A capability's argument list copied out without the strict walk when every argument is a
 * primitive that crosses as itself (the common case: no cycle set, no path text). Null when
 * {@link toHostStrict} must decide.
 */
export function primitiveArgs(vm: VM, args: readonly Value[]): unknown[] | null {
  // the walk counts the list itself toward the allocation limit
  if (vm.limits.allocations < 1) return null;
  const out: unknown[] = new Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const e = args[i];
    if (crossesAsItself(e)) out[i] = e;
    else return null;
  }
  return out;
}

/**
 * Copies a guest value out for a capability call, rejecting (CapabilityError) anything
 * that is not structured: functions, symbols, bigints, class instances and other
 * non-plain objects, accessors, symbol keys and cycles. Holes, -0 and NaN are kept.
 */
export function toHostStrict(vm: VM, v: Value, path = 'value', seen?: Set<JSObject>): unknown {
  if (!(v instanceof JSObject)) {
    if (typeof v === 'bigint') throw new CapabilityError(`${path}: bigint values cannot cross the boundary`);
    if (typeof v === 'object' && v !== null) throw new CapabilityError(`${path}: symbols cannot cross the boundary`);
    return v;
  }
  seen ??= new Set();
  if (seen.has(v)) throw new CapabilityError(`${path}: cyclic structure cannot cross the boundary`);
  if (seen.size >= MAX_DEPTH) throw new CapabilityError(`${path}: nested deeper than ${MAX_DEPTH} levels`);
  countCopy(vm, seen);
  const realm = vm.realm;
  const isArray = v instanceof JSArray && v.proto === realm.ArrayPrototype;
  if (isArray && v.shape === realm.arrayShape) {
    // the common case (argument lists): a plain array without named properties
    const els = (v as JSArray).elements;
    const out: unknown[] = new Array(els.length);
    seen.add(v);
    try {
      for (let i = 0; i < els.length; i++) {
        const e = els[i];
        if (e === HOLE) continue;
        out[i] = crossesAsItself(e) ? e : toHostStrict(vm, e as Value, `${path}[${i}]`, seen);
      }
    } finally {
      seen.delete(v);
    }
    return out;
  }
  if (!isArray) {
    if (vm.typeOfValue(v) === 'function') throw new CapabilityError(`${path}: functions cannot cross the boundary`);
    if (v instanceof JSArray || v.cls !== 0 || (v.proto !== realm.ObjectPrototype && v.proto !== null)) {
      throw new CapabilityError(`${path}: only plain objects and arrays can cross the boundary (got ${vm.describe(v)})`);
    }
  }
  seen.add(v);
  try {
    const keys = vm.ownKeys(v, false, true);
    const out: unknown = isArray ? new Array((v as JSArray).elements.length) : {};
    if (isArray) {
      const els = (v as JSArray).elements;
      for (let i = 0; i < els.length; i++) {
        const e = els[i];
        if (e !== HOLE) (out as unknown[])[i] = toHostStrict(vm, e as Value, `${path}[${i}]`, seen);
      }
    }
    for (const k of keys) {
      if (typeof k !== 'string') throw new CapabilityError(`${path}: symbol keys cannot cross the boundary`);
      if (isArray && arrayIndexOf(k) >= 0) continue;
      if (isArray && k === 'length') continue;
      const s = vm.ownSlot(v, k);
      if (s === HOLE) continue;
      if (s !== null && typeof s === 'object' && !(s instanceof JSObject) && 'get' in s) {
        throw new CapabilityError(`${path}.${k}: accessor properties cannot cross the boundary`);
      }
      if (!(vm.ownAttrs(v, k) & Attr.Enumerable)) continue;
      Object.defineProperty(out, k, { value: toHostStrict(vm, s as Value, `${path}.${k}`, seen), enumerable: true, writable: true, configurable: true });
    }
    return out;
  } finally {
    seen.delete(v);
  }
}
