/** Small helpers shared by built-in modules. */
import { noSideEffectsToString } from '../vm/describe';
import { JSArray, JSObject, JSPrimitiveObject, Cls } from '../objects';
import { Attr } from '../shape';
import { GSymbol, HOLE, type Value } from '../value';
import type { VM } from '../vm/interpreter';
import { primToNumber, primToString, toIntegerOrInfinity } from '../vm/ops';
import { GuestError } from '../vm/throw';

/** ToObject. */
export function toObject(vm: VM, v: Value, what = 'Cannot convert undefined or null to object'): JSObject {
  if (v instanceof JSObject) return v;
  if (v === null || v === undefined) throw new GuestError('TypeError', what);
  const r = vm.realm;
  let proto: JSObject;
  let cls: Cls;
  switch (typeof v) {
    case 'string':
      proto = r.StringPrototype;
      cls = Cls.String;
      break;
    case 'number':
      proto = r.NumberPrototype;
      cls = Cls.Number;
      break;
    case 'boolean':
      proto = r.BooleanPrototype;
      cls = Cls.Boolean;
      break;
    case 'bigint':
      proto = r.BigIntPrototype;
      cls = Cls.BigInt;
      break;
    default:
      proto = r.SymbolPrototype;
      cls = Cls.Symbol;
  }
  vm.charge(48);
  const o = new JSPrimitiveObject(proto, cls, v);
  o.shape = r.rootShape(proto);
  return o;
}

/** ToPrimitive without guest code (throws a TypeError if guest methods would run). */
export function toPrimitive(vm: VM, v: Value, hint: 'string' | 'number' | 'default' = 'default'): Value {
  if (!(v instanceof JSObject)) return v;
  const p = vm.toPrimitiveNative(v, hint);
  if (p === HOLE) throw new GuestError('TypeError', 'Cannot convert object with custom valueOf/toString in this built-in');
  return p as Value;
}

export function toNumber(vm: VM, v: Value): number {
  if (typeof v === 'number') return v;
  return primToNumber(toPrimitive(vm, v, 'number'));
}

export function toString(vm: VM, v: Value): string {
  if (typeof v === 'string') return v;
  return primToString(toPrimitive(vm, v, 'string'));
}

export function toInteger(vm: VM, v: Value): number {
  return toIntegerOrInfinity(toNumber(vm, v));
}

/** ToLength: an integer in [0, 2^53 - 1]. */
export function toLength(vm: VM, v: Value): number {
  const n = typeof v === 'number' ? toIntegerOrInfinity(v) : toInteger(vm, v);
  if (n <= 0) return 0;
  return n > Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER : n;
}

/** Relative index argument (slice, at, …) clamped to [0, len]. */
export function relIndex(vm: VM, v: Value, len: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = toInteger(vm, v);
  if (n < 0) return Math.max(len + n, 0);
  return Math.min(n, len);
}

/** Elements of an array-like (guest arrays only; holes as undefined). */
export function listFrom(v: Value): Value[] {
  if (v instanceof JSArray) return v.elements.map((e) => (e === HOLE ? undefined : e)) as Value[];
  return [];
}

export function isSymbol(v: Value): v is GSymbol {
  return v instanceof GSymbol;
}

export function thisPrimitive<T>(vm: VM, v: Value, type: string, cls: Cls, name: string): T {
  if (typeof v === type) return v as T;
  if (v instanceof JSPrimitiveObject && v.cls === cls) return v.value as T;
  void vm;
  throw new GuestError('TypeError', `${name} requires that 'this' be a ${type[0].toUpperCase() + type.slice(1)}`);
}

/** Elements per run of {@link joinAll}. */
const JOIN_RUN = 4096;

/**
 * `parts.join(sep)`. V8 11's join slows down superlinearly on long arrays (60k short strings:
 * ~3x the time of joining runs of 4096 and then the runs), so long arrays are joined in runs.
 */
export function joinAll(parts: string[], sep: string): string {
  const n = parts.length;
  if (n <= JOIN_RUN) return parts.join(sep);
  const runs: string[] = [];
  for (let i = 0; i < n; i += JOIN_RUN) runs.push(parts.slice(i, i + JOIN_RUN).join(sep));
  return joinAll(runs, sep);
}

/** V8's rendering of a receiver in "called on incompatible receiver X" messages. */
export function receiverText(vm: VM, v: Value): string {
  return noSideEffectsToString(vm, v);
}

/** The constructor name V8 shows for an object (`#<Foo>`, "object with constructor 'Foo'"). */
export function constructorName(vm: VM, o: JSObject): string {
  for (let p: JSObject | null = o; p !== null; p = p.proto) {
    const i = p.shape.index.get('constructor');
    if (i === undefined) continue;
    if (p.shape.attrs[i] & Attr.Accessor) break;
    const c = p.getSlot(i);
    if (c instanceof JSObject && vm.typeOfValue(c) === 'function') {
      const ni = c.shape.index.get('name');
      const n = ni === undefined ? undefined : c.getSlot(ni);
      if (typeof n === 'string' && n) return n;
    }
    break;
  }
  return 'Object';
}
