/**
 * Argument conversions for built-ins, without running guest code: a conversion that would
 * call a guest `valueOf`/`toString`/`@@toPrimitive` throws {@link NEEDS_GUEST}, and
 * {@link guestArgs} turns that into a tail call of the prelude's `capPrimCall`, which converts
 * that argument with guest code and calls the built-in again. The native has done nothing
 * observable before bailing out (only checks that throw), so the order of effects is the
 * spec's. No installer here: importing this module registers no built-ins.
 */
import { Cls, JSObject, JSPrimitiveObject, type NativeFunction, type Slot } from '../objects';
import { addPreludeModule } from '../prelude/index';
import { Attr, Shape } from '../shape';
import { HOLE, type PropertyKey, type Value } from '../value';
import { Cont } from '../vm/frame';
import type { VM } from '../vm/interpreter';
import { type NativeImpl, type PUSHED } from '../vm/natives';
import { primToNumber, primToString, toIntegerOrInfinity } from '../vm/ops';
import { GuestError, type ErrorType } from '../vm/throw';
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

