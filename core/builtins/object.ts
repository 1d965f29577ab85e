/** Object, Object.prototype and Function.prototype. */
import { FnFlags } from '../chunk';
import { Accessor, BoundData, JSArray, JSFunction, JSObject, JSPrimitiveObject, NativeFunction, isCallable } from '../objects';
import { Attr } from '../shape';
import { GSymbol, HOLE, WELL_KNOWN, type PropertyKey, type Value } from '../value';
import { Cont } from '../vm/frame';
import { fnName, keyText, setPrototype, type VM } from '../vm/interpreter';
import { registerNative } from '../vm/natives';
import { registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { addPreludeModule } from '../prelude/index';
import { toLength, toObject } from './util';
import { arrayIndexOf } from '../vm/ops';
import { classTag, functionText } from '../vm/describe';

const BOUND_ID = registerNative('%BoundFunction%', () => {
  throw new Error('internal: bound functions are invoked by the interpreter');
});

/** Own accessors may be guest functions. */
function mayRunGuest(o: JSObject): boolean {
  return o.shape.hasAccessors;
}

/** Setters anywhere on the chain (built-in prototypes have none that run guest code). */
function mayRunGuestChain(o: JSObject): boolean {
  for (let p: JSObject | null = o; p; p = p.proto) if (p.shape.hasAccessors && p.proto !== null) return true;
  return false;
}

function keyOf(vm: VM, v: Value): PropertyKey {
  return vm.propertyKey(v);
}

/** Object.prototype.toString's tag. */
export function builtinTag(vm: VM, o: Value, knownTag?: Value): string {
  if (o === undefined) return '[object Undefined]';
  if (o === null) return '[object Null]';
  const obj = toObject(vm, o);
  let tag = classTag(obj);
  const t = knownTag !== undefined ? knownTag : vm.get(obj, WELL_KNOWN.toStringTag);
  if (typeof t === 'string') tag = t;
  return `[object ${tag}]`;
}

/** A property descriptor object for an own property, or undefined. */
function descriptor(vm: VM, o: JSObject, key: PropertyKey): Value {
  const attrs = vm.ownAttrs(o, key);
  if (attrs < 0) return undefined;
  const slot = vm.ownSlot(o, key);
  const d = vm.newObject();
  if (attrs & Attr.Accessor) {
    const a = slot as Accessor;
    vm.defineData(d, 'get', a.get);
    vm.defineData(d, 'set', a.set);
  } else {
    vm.defineData(d, 'value', slot as Value);
    vm.defineData(d, 'writable', (attrs & Attr.Writable) !== 0);
  }
  vm.defineData(d, 'enumerable', (attrs & Attr.Enumerable) !== 0);
  vm.defineData(d, 'configurable', (attrs & Attr.Configurable) !== 0);
  return d;
}

/** Object.defineProperty for data and accessor descriptors. */
function defineProperty(vm: VM, o: JSObject, key: PropertyKey, desc: Value): void {
  if (!(desc instanceof JSObject)) throw new GuestError('TypeError', `Property description must be an object: ${vm.describe(desc)}`);
  const has = (k: string) => vm.lookup(desc, k) !== HOLE;
  // ToPropertyDescriptor's checks come before any check against the object
  if (has('get') || has('set')) {
    const g = has('get') ? vm.get(desc, 'get') : undefined;
    if (g !== undefined && !isCallable(g)) throw new GuestError('TypeError', `Getter must be a function: ${vm.describe(g)}`);
    const st = has('set') ? vm.get(desc, 'set') : undefined;
    if (st !== undefined && !isCallable(st)) throw new GuestError('TypeError', `Setter must be a function: ${vm.describe(st)}`);
    if (has('value') || has('writable')) throw new GuestError('TypeError', `Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, ${vm.describe(desc)}`);
  }
  const existing = vm.ownAttrs(o, key);
  if (existing >= 0 && !(existing & Attr.Configurable)) {
    // ValidateAndApplyPropertyDescriptor: a non-configurable property may only be "redefined"
    // with what it already is, except a writable data property's value (and writable → false)
    const refuse = () => new GuestError('TypeError', `Cannot redefine property: ${keyText(key)}`);
    if (has('configurable') && vm.get(desc, 'configurable')) throw refuse();
    if (has('enumerable') && !vm.get(desc, 'enumerable') !== !(existing & Attr.Enumerable)) throw refuse();
    const slot = vm.ownSlot(o, key);
    if (existing & Attr.Accessor) {
      const a = slot as Accessor;
      if (has('value') || has('writable')) throw refuse();
      if (has('get') && vm.get(desc, 'get') !== a.get) throw refuse();
      if (has('set') && vm.get(desc, 'set') !== a.set) throw refuse();
      return;
    }
    if (has('get') || has('set')) throw refuse();
    if (!(existing & Attr.Writable)) {
      if (has('writable') && vm.get(desc, 'writable')) throw refuse();
      if (has('value') && !Object.is(vm.get(desc, 'value'), slot)) throw refuse();
      return;
    }
  } else if (existing < 0 && !o.extensible) {
    throw new GuestError('TypeError', `Cannot define property ${keyText(key)}, object is not extensible`);
  }
  const flag = (k: string, old: number, bit: number) => (has(k) ? (vm.get(desc, k) ? bit : 0) : existing >= 0 ? old & bit : 0);
  // an existing accessor keeps what the descriptor does not name (a generic descriptor, `{}` or
  // `{ enumerable }`, changes only the flags; `{ get }` keeps the setter)
  const old = existing >= 0 && existing & Attr.Accessor ? (vm.ownSlot(o, key) as Accessor) : null;
  if (has('get') || has('set') || (old !== null && !has('value') && !has('writable'))) {
    // (the descriptor was checked above: its getter and setter are callable or undefined)
    const g = has('get') ? vm.get(desc, 'get') : old?.get;
    const s = has('set') ? vm.get(desc, 'set') : old?.set;
    if (o instanceof JSArray && arrayIndexOf(key) >= 0) throw new GuestError('TypeError', 'accessors on array elements are not supported');
    const attrs = Attr.Accessor | flag('enumerable', existing, Attr.Enumerable) | flag('configurable', existing, Attr.Configurable);
    o.defineOwn(key, new Accessor(g as JSObject | undefined, s as JSObject | undefined), attrs);
    return;
  }
  const attrs = flag('writable', existing, Attr.Writable) | flag('enumerable', existing, Attr.Enumerable) | flag('configurable', existing, Attr.Configurable);
  const v = has('value') ? vm.get(desc, 'value') : existing >= 0 && old === null ? (vm.ownSlot(o, key) as Value) : undefined;
  if (o instanceof JSArray) {
    const idx = arrayIndexOf(key);
    if (idx >= 0 || key === 'length') {
      if (attrs !== Attr.Default && key !== 'length') throw new GuestError('TypeError', 'non-default attributes on array elements are not supported');
      // (a frozen array's length is read-only already; a read-only length alone is not modelled)
      if (key === 'length' && !(attrs & Attr.Writable) && o.writable) throw new GuestError('TypeError', 'a non-writable array length is not supported');
      if (key === 'length') vm.setArrayLength(o, v);
      else vm.arraySet(o, idx, v);
      return;
    }
  }
  o.defineOwn(key, v, attrs);
}

function freeze(vm: VM, o: Value, level: 'freeze' | 'seal'): Value {
  if (!(o instanceof JSObject)) return o;
  // intrinsics are frozen already, and shared by every VM: never touch them
  if (vm.realm.intrinsics.has(o)) return o;
  const s = o.shape.toDictionary();
  for (let i = 0; i < s.attrs.length; i++) {
    s.attrs[i] &= ~Attr.Configurable;
    if (level === 'freeze' && !(s.attrs[i] & Attr.Accessor)) s.attrs[i] &= ~Attr.Writable;
  }
  o.shape = s;
  o.extensible = false;
  if (o instanceof JSArray && level === 'freeze') o.writable = false;
  void vm;
  return o;
}

function isFrozenLike(vm: VM, o: Value, level: 'freeze' | 'seal'): boolean {
  if (!(o instanceof JSObject)) return true;
  if (o.extensible) return false;
  if (o instanceof JSArray && level === 'freeze' && o.writable && o.elements.some((e) => e !== HOLE)) return false;
  for (let i = 0; i < o.shape.attrs.length; i++) {
    const a = o.shape.attrs[i];
    if (a & Attr.Configurable) return false;
    if (level === 'freeze' && !(a & Attr.Accessor) && a & Attr.Writable) return false;
  }
  void vm;
  return true;
}

addPreludeModule({
  exports: ['objectFromEntries', 'objectGroupBy', 'toLocaleString', 'objectAssignSlow', 'objectValuesSlow', 'objectEntriesSlow', 'objectToStringSlow'],
  source: String.raw`
function objectToStringSlow() {
  return $.builtinTag(this, this[Symbol.toStringTag]);
}
function objectAssignSlow(target, sources) {
  for (let i = 0; i < sources.length; i++) {
    const src = sources[i];
    if (src === null || src === undefined) continue;
    if (typeof src === 'string') {
      // ToObject(string): its indices are its own enumerable properties (other primitives have none)
      for (let j = 0; j < src.length; j++) target[j] = src[j];
      continue;
    }
    const keys = $.ownKeys(src);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j];
      if ($.isEnumerable(src, k)) target[k] = src[k];
    }
  }
  return target;
}
function objectValuesSlow(o) {
  const out = [];
  const keys = $.ownKeys(o);
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    if (typeof k === 'string' && $.isEnumerable(o, k)) $.arrayPush(out, o[k]);
  }
  return out;
}
function objectEntriesSlow(o) {
  const out = [];
  const keys = $.ownKeys(o);
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    if (typeof k === 'string' && $.isEnumerable(o, k)) $.arrayPush(out, [k, o[k]]);
  }
  return out;
}
function objectFromEntries(iterable) {
  if (iterable === null || iterable === undefined) throw new TypeError('undefined is not iterable'); // (V8's words for null too)
  const o = {};
  for (const e of iterable) {
    if (!$.isObject(e)) throw new TypeError('Iterator value ' + $.describeValue(e) + ' is not an entry object');
    $.defineData(o, e[0], e[1]);
  }
  return o;
}
function objectGroupBy(items, callback) {
  const o = $.nullObject();
  let i = 0;
  for (const v of items) {
    const k = callback(v, i++);
    const key = typeof k === 'symbol' ? k : '' + k;
    if ($.hasOwn(o, key)) o[key].push(v);
    else $.defineData(o, key, [v]);
  }
  return o;
}
function toLocaleString() {
  if (this === null || this === undefined) throw new TypeError('Object.prototype.toLocaleString called on null or undefined');
  const f = this.toString;
  if (typeof f !== 'function') throw new TypeError($.typeText(f) + ' is not a function');
  return $.call(f, this);
}
`,
});

registerInstaller((r) => {
  const OP = r.ObjectPrototype;
  const O = r.ctor('Object', 1, (vm, _t, a, nt) => {
    // `super(x)` in a class that extends Object: an ordinary object of the subclass (x is ignored)
    if (nt instanceof JSObject && nt !== O) {
      const p = vm.get(nt, 'prototype');
      return vm.newObject(p instanceof JSObject ? p : vm.realm.ObjectPrototype);
    }
    const v = a[0];
    if (v === null || v === undefined) return vm.newObject();
    return toObject(vm, v);
  }, OP);
  r.internal('nullObject', 0, (vm) => vm.newObject(null));
  r.internal('hasOwn', 2, (vm, _t, a) => vm.ownAttrs(a[0] as JSObject, keyOf(vm, a[1])) >= 0);

  r.method(O, 'keys', 1, (vm, _t, a) => vm.newArray(vm.ownKeys(toObject(vm, a[0]), true, false) as Value[]));
  r.method(O, 'values', 1, (vm, _t, a) => {
    const o = toObject(vm, a[0]);
    if (mayRunGuest(o)) return vm.pushCall(vm.realm.prelude.objectValuesSlow, undefined, [o], Cont.Normal);
    return vm.newArray(vm.ownKeys(o, true, false).map((k) => vm.get(o, k)));
  });
  r.method(O, 'entries', 1, (vm, _t, a) => {
    const o = toObject(vm, a[0]);
    if (mayRunGuest(o)) return vm.pushCall(vm.realm.prelude.objectEntriesSlow, undefined, [o], Cont.Normal);
    return vm.newArray(vm.ownKeys(o, true, false).map((k) => vm.newArray([k as string, vm.get(o, k)])));
  });
  r.method(O, 'assign', 2, (vm, _t, a) => {
    const target = toObject(vm, a[0]);
    // setters on the target's chain or getters on a source: the prelude runs them
    if (mayRunGuestChain(target) || a.slice(1).some((x) => x instanceof JSObject && mayRunGuest(x))) {
      return vm.pushCall(vm.realm.prelude.objectAssignSlow, undefined, [target, vm.newArray(a.slice(1))], Cont.Normal);
    }
    for (let i = 1; i < a.length; i++) {
      const src = a[i];
      if (src === null || src === undefined) continue;
      const s = toObject(vm, src);
      for (const k of vm.ownKeys(s, true)) vm.set(target, k, vm.get(s, k));
    }
    return target;
  });
  r.method(O, 'freeze', 1, (vm, _t, a) => freeze(vm, a[0], 'freeze'));
  r.method(O, 'seal', 1, (vm, _t, a) => freeze(vm, a[0], 'seal'));
  r.method(O, 'preventExtensions', 1, (_vm, _t, a) => {
    if (a[0] instanceof JSObject) a[0].extensible = false;
    return a[0];
  });
  r.method(O, 'isFrozen', 1, (vm, _t, a) => isFrozenLike(vm, a[0], 'freeze'));
  r.method(O, 'isSealed', 1, (vm, _t, a) => isFrozenLike(vm, a[0], 'seal'));
  r.method(O, 'isExtensible', 1, (_vm, _t, a) => a[0] instanceof JSObject && a[0].extensible);
  r.method(O, 'create', 2, (vm, _t, a) => {
    const p = a[0];
    if (p !== null && !(p instanceof JSObject)) throw new GuestError('TypeError', `Object prototype may only be an Object or null: ${vm.describe(p)}`);
    const o = vm.newObject(p);
    if (a[1] !== undefined) {
      const props = toObject(vm, a[1]);
      for (const k of vm.ownKeys(props, true)) defineProperty(vm, o, k, vm.get(props, k));
    }
    return o;
  });
  r.method(O, 'getPrototypeOf', 1, (vm, _t, a) => toObject(vm, a[0]).proto);
  r.method(O, 'setPrototypeOf', 2, (vm, _t, a) => {
    const o = a[0];
    const p = a[1];
    if (p !== null && !(p instanceof JSObject)) throw new GuestError('TypeError', `Object prototype may only be an Object or null: ${vm.describe(p)}`);
    if (!(o instanceof JSObject)) return o;
    if (vm.realm.intrinsics.has(o)) throw new GuestError('TypeError', 'Cannot change the prototype of a built-in object');
    for (let q: JSObject | null = p; q; q = q.proto) if (q === o) throw new GuestError('TypeError', 'Cyclic __proto__ value');
    if (!o.extensible && o.proto !== p) throw new GuestError('TypeError', '#<Object> is not extensible');
    setPrototype(o, p);
    return o;
  });
  r.method(O, 'hasOwn', 2, (vm, _t, a) => vm.ownAttrs(toObject(vm, a[0]), keyOf(vm, a[1])) >= 0);
  r.method(O, 'is', 2, (_vm, _t, a) => Object.is(a[0], a[1]));
  r.method(O, 'defineProperty', 3, (vm, _t, a) => {
    if (!(a[0] instanceof JSObject)) throw new GuestError('TypeError', 'Object.defineProperty called on non-object');
    defineProperty(vm, a[0], keyOf(vm, a[1]), a[2]);
    return a[0];
  });
  r.method(O, 'defineProperties', 2, (vm, _t, a) => {
    if (!(a[0] instanceof JSObject)) throw new GuestError('TypeError', 'Object.defineProperties called on non-object');
    const props = toObject(vm, a[1]);
    for (const k of vm.ownKeys(props, true)) defineProperty(vm, a[0], k, vm.get(props, k));
    return a[0];
  });
  r.method(O, 'getOwnPropertyDescriptor', 2, (vm, _t, a) => descriptor(vm, toObject(vm, a[0]), keyOf(vm, a[1])));
  r.method(O, 'getOwnPropertyDescriptors', 1, (vm, _t, a) => {
    const o = toObject(vm, a[0]);
    const out = vm.newObject();
    for (const k of vm.ownKeys(o, false)) vm.defineData(out, k, descriptor(vm, o, k));
    return out;
  });
  r.method(O, 'getOwnPropertyNames', 1, (vm, _t, a) => vm.newArray(vm.ownKeys(toObject(vm, a[0]), false, false) as Value[]));
  r.method(O, 'getOwnPropertySymbols', 1, (vm, _t, a) =>
    vm.newArray(vm.ownKeys(toObject(vm, a[0]), false, true, false) as Value[]),
  );
  r.selfHosted(O, 'fromEntries', 'objectFromEntries');
  r.selfHosted(O, 'groupBy', 'objectGroupBy');

  r.method(OP, 'hasOwnProperty', 1, (vm, t, a) => vm.ownAttrs(toObject(vm, t), keyOf(vm, a[0])) >= 0);
  r.method(OP, 'isPrototypeOf', 1, (_vm, t, a) => {
    const v = a[0];
    if (!(v instanceof JSObject)) return false;
    for (let p = v.proto; p; p = p.proto) if (p === t) return true;
    return false;
  });
  r.method(OP, 'propertyIsEnumerable', 1, (vm, t, a) => {
    const attrs = vm.ownAttrs(toObject(vm, t), keyOf(vm, a[0]));
    return attrs >= 0 && (attrs & Attr.Enumerable) !== 0;
  });
  r.method(OP, 'toString', 0, (vm, t) => {
    if (t instanceof JSObject) {
      const tag = vm.lookup(t, WELL_KNOWN.toStringTag);
      if (tag instanceof Accessor && tag.get instanceof JSFunction) {
        return vm.pushCall(vm.realm.prelude.objectToStringSlow, t, [], Cont.Normal);
      }
    }
    return builtinTag(vm, t);
  });
  r.internal('builtinTag', 2, (vm, _t, a) => builtinTag(vm, a[0], a[1]));
  r.selfHosted(OP, 'toLocaleString', 'toLocaleString');
  r.method(OP, 'valueOf', 0, (vm, t) => toObject(vm, t));
  r.getter(
    OP,
    '__proto__',
    (vm, t) => toObject(vm, t).proto,
    (vm, t, a) => {
      const p = a[0];
      if (!(t instanceof JSObject) || (p !== null && !(p instanceof JSObject))) return undefined;
      if (vm.realm.intrinsics.has(t)) throw new GuestError('TypeError', 'Cannot change the prototype of a built-in object');
      // the same checks as Object.setPrototypeOf: a cycle would make every lookup loop forever on the host
      for (let q: JSObject | null = p; q; q = q.proto) if (q === t) throw new GuestError('TypeError', 'Cyclic __proto__ value');
      if (!t.extensible && t.proto !== p) throw new GuestError('TypeError', '#<Object> is not extensible');
      setPrototype(t, p);
      return undefined;
    },
  );

  // ---- Function ----
  const FP = r.FunctionPrototype;
  r.ctor('Function', 1, () => {
    throw new GuestError('TypeError', 'Code generation from strings is disallowed in Capsule');
  }, FP);
  r.setName(FP, 'Function.prototype');
  FP.defineOwn('length', 0, Attr.Configurable);
  FP.defineOwn('name', '', Attr.Configurable);
  // Function.prototype.arguments and .caller: accessors that throw (%ThrowTypeError%), as in V8
  const thrower = r.fn('%ThrowTypeError%', '', 0, () => {
    throw new GuestError('TypeError', "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them");
  });
  FP.defineOwn('arguments', new Accessor(thrower, thrower), Attr.Accessor | Attr.Configurable);
  FP.defineOwn('caller', new Accessor(thrower, thrower), Attr.Accessor | Attr.Configurable);
  r.method(FP, 'call', 1, (vm, t, a) => {
    if (!isCallable(t)) throw new GuestError('TypeError', 'Function.prototype.call called on a non-function');
    return vm.pushCall(t, a[0], a.slice(1), Cont.Normal);
  });
  r.method(FP, 'apply', 2, (vm, t, a) => {
    if (!isCallable(t)) throw new GuestError('TypeError', 'Function.prototype.apply was called on a non-function');
    const list = a[1];
    let args: Value[] = [];
    if (list instanceof JSArray) args = list.elements.map((e) => (e === HOLE ? undefined : e)) as Value[];
    else if (list !== null && list !== undefined) {
      if (!(list instanceof JSObject)) throw new GuestError('TypeError', 'CreateListFromArrayLike called on non-object');
      // CreateListFromArrayLike: the guest picks the length (up to 2^53 - 1), so the list is
      // reserved against the heap budget and every element read is charged before the host loops
      const n = toLength(vm, vm.get(list, 'length'));
      vm.reserve(n * 8);
      for (let i = 0; i < n; i++) {
        vm.chargeWorkChecked(1, 'Function.prototype.apply');
        args.push(vm.get(list, String(i)));
      }
    }
    return vm.pushCall(t, a[0], args, Cont.Normal);
  });
  r.method(FP, 'bind', 1, (vm, t, a) => {
    if (!isCallable(t)) throw new GuestError('TypeError', 'Bind must be called on a function');
    const target = t as JSObject;
    const ctor = target instanceof JSFunction ? !(target.code.flags & (FnFlags.NoConstruct | FnFlags.Arrow)) : (target as NativeFunction).ctor;
    const b = new NativeFunction(vm.realm.FunctionPrototype, BOUND_ID, new BoundData(target, a[0], a.slice(1)), ctor);
    b.shape = vm.realm.functionShape(vm.realm.FunctionPrototype);
    const len = vm.get(target, 'length');
    b.pushSlot(typeof len === 'number' ? Math.max(0, len - (a.length - 1)) : 0);
    b.pushSlot(`bound ${fnName(target) === 'anonymous' ? '' : fnName(target)}`);
    vm.charge(96);
    return b;
  });
  r.method(FP, 'toString', 0, (vm, t) => {
    if (isCallable(t)) return functionText(t);
    throw new GuestError('TypeError', 'Function.prototype.toString requires that \'this\' be a Function');
  });
  const hi = r.method(FP, WELL_KNOWN.hasInstance, 1, (vm, t, a) => (t instanceof JSObject ? vm.ordinaryHasInstance(t, a[0]) : false));
  r.defaultHasInstanceId = hi.nativeId;
  void GSymbol;
  void JSPrimitiveObject;
});
