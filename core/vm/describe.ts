/**
 * How V8 prints a guest value inside its error messages without running guest code
 * (Object::NoSideEffectsToString): `Cannot delete property 'x' of #<Foo>`, `Cannot assign to
 * read only property 'x' of function 'function g() {}'`, `Invalid index : [object Array]`.
 */
import { FnFlags } from '../chunk';
import { Accessor, BoundData, Cls, JSFunction, JSObject, NativeFunction, isCallable } from '../objects';
import { GSymbol, HOLE, WELL_KNOWN, type PropertyKey, type Value } from '../value';
import type { VM } from './interpreter';

/** Object.prototype.toString's tag per object kind (before `Symbol.toStringTag`); others are 'Object'. */
const CLASS_TAGS: { readonly [cls: number]: string } = {
  [Cls.Array]: 'Array',
  [Cls.Function]: 'Function',
  [Cls.Error]: 'Error',
  [Cls.Boolean]: 'Boolean',
  [Cls.Number]: 'Number',
  [Cls.String]: 'String',
  [Cls.Date]: 'Date',
  [Cls.RegExp]: 'RegExp',
  [Cls.Arguments]: 'Arguments',
};

/** The tag Object.prototype.toString uses for an object's kind (before `Symbol.toStringTag`). */
export function classTag(o: JSObject): string {
  return CLASS_TAGS[o.cls] ?? 'Object';
}

/** Function.prototype.toString of a callable: a guest function's source text. */
export function functionText(f: JSObject): string {
  if (f instanceof JSFunction && !(f.code.flags & FnFlags.Builtin)) {
    const c = f.code;
    return c.unit.source.slice(c.textStart >= 0 ? c.textStart : c.start, c.textEnd >= 0 ? c.textEnd : c.end);
  }
  // a bound function prints without its name, as in V8
  if (f instanceof NativeFunction && f.data instanceof BoundData) return 'function () { [native code] }';
  const name = nameOf(f);
  return `function ${name}() { [native code] }`;
}

function nameOf(f: JSObject): string {
  const i = f.shape.index.get('name');
  const n = i === undefined ? undefined : f.getSlot(i);
  return typeof n === 'string' ? n : '';
}

/** A property's value when it is a data property (GetDataProperty: no getter runs), else undefined. */
function dataProperty(vm: VM, o: JSObject, key: PropertyKey): Value {
  const v = vm.lookup(o, key);
  return v === HOLE || v instanceof Accessor ? undefined : (v as Value);
}

/**
 * V8's Object::NoSideEffectsToString: primitives as strings (symbols descriptively),
 * functions as their source, errors as `Name: message`, objects whose `toString` is
 * Object.prototype.toString as `#<Ctor>`, the rest as `[object Tag]`.
 */
export function noSideEffectsToString(vm: VM, v: Value): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  if (!(v instanceof JSObject)) return v instanceof GSymbol ? `Symbol(${v.description ?? ''})` : String(v);
  if (v instanceof JSFunction || v instanceof NativeFunction) return functionText(v);
  if (v.cls === Cls.Error) {
    const name = dataProperty(vm, v, 'name');
    const message = dataProperty(vm, v, 'message');
    const n = name === undefined ? 'Error' : typeof name === 'string' ? name : '';
    const m = typeof message === 'string' ? message : '';
    return n && m ? `${n}: ${m}` : n || m;
  }
  const toString = dataProperty(vm, v, 'toString');
  if (toString instanceof NativeFunction && vm.realm.nameOf(toString) === 'Object.prototype.toString') {
    const ctor = dataProperty(vm, v, 'constructor');
    if (ctor instanceof JSObject && isCallable(ctor)) {
      const name = dataProperty(vm, ctor, 'name');
      if (typeof name === 'string' && name) return `#<${name}>`;
    }
  }
  const tag = dataProperty(vm, v, WELL_KNOWN.toStringTag);
  return `[object ${typeof tag === 'string' ? tag : classTag(v)}]`;
}

/** V8's TypeError for an assignment to a read-only property (strict mode). */
export function readOnlyMessage(vm: VM, key: string, obj: Value): string {
  const kind = obj instanceof JSObject ? (isCallable(obj) ? 'function' : 'object') : typeof obj;
  return `Cannot assign to read only property '${key}' of ${kind} '${noSideEffectsToString(vm, obj)}'`;
}
