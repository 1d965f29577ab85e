/** The Error hierarchy: Error, the native error types, AggregateError; `cause` supported. */
import { Accessor, Cls, JSArray, JSError, JSObject } from '../objects';
import { addPreludeModule } from '../prelude/index';
import { Cont } from '../vm/frame';
import { Attr } from '../shape';
import { HOLE, type Value } from '../value';
import type { VM } from '../vm/interpreter';
import { registerInstaller } from '../vm/realm';
import type { ErrorType } from '../vm/throw';
import { GuestError } from '../vm/throw';
import { listFrom, toString } from './util';

const TYPES: (ErrorType | 'AggregateError')[] = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError'];

function makeError(vm: VM, type: string, newTarget: Value, dflt: JSObject, message: Value, options: Value): JSError {
  let proto = dflt;
  if (newTarget instanceof JSObject) {
    const p = vm.get(newTarget, 'prototype');
    if (p instanceof JSObject) proto = p;
  }
  const e = new JSError(proto, Cls.Error, vm.realm.rootShape(proto));
  vm.charge(96);
  // V8's order of own keys: stack, message, cause (the stack text is filled in below)
  e.defineOwn('stack', '', Attr.Hidden);
  if (message !== undefined) e.defineOwn('message', toString(vm, message), Attr.Hidden);
  if (options instanceof JSObject && vm.lookup(options, 'cause') !== HOLE) e.defineOwn('cause', vm.get(options, 'cause'), Attr.Hidden);
  e.stackText = vm.captureStack();
  // the stack's first line must not run guest getters (a class may define `get name()`)
  const name = dataProp(vm, e, 'name');
  const msg = dataProp(vm, e, 'message');
  const head = msg === '' || msg === undefined ? String(name ?? type) : `${String(name ?? type)}: ${String(msg)}`;
  e.defineOwn('stack', e.stackText ? `${head}\n${e.stackText}` : head, Attr.Hidden);
  return e;
}

addPreludeModule({
  exports: ['aggregateErrorFrom', 'errorFrom', 'errorToString'],
  // ToString (hint "string") is a template literal here: '' + x would use the hint "default"
  source:
    String.raw`
function errorToString() {
  if (!$.isObject(this)) throw new TypeError('Method Error.prototype.toString called on incompatible receiver ' + $.describeValue(this));
  const n = this.name;
  const m = this.message;
  const name = n === undefined ? 'Error' : ` +
    '`${n}`' +
    String.raw`;
  const msg = m === undefined ? '' : ` +
    '`${m}`' +
    String.raw`;
  if (!name) return msg;
  if (!msg) return name;
  return name + ': ' + msg;
}
function aggregateErrorFrom(errors, message, options, newTarget) {
  const m = message === undefined ? undefined : ` +
    '`${message}`' +
    String.raw`;
  return $.makeAggregateError([...errors], m, options, newTarget);
}
function errorFrom(type, message, options, newTarget) {
  return $.makeErrorOf(type, ` +
    '`${message}`' +
    String.raw`, options, newTarget);
}
`,
});

/** A data property's value along the chain; undefined for accessors. */
function dataProp(vm: VM, o: JSObject, key: string): Value {
  const s = vm.lookup(o, key);
  return s === HOLE || s instanceof Accessor ? undefined : (s as Value);
}

registerInstaller((r) => {
  r.internal('makeAggregateError', 4, (vm, _t, a) => {
    const e = makeError(vm, 'AggregateError', a[3], r.errorProtos.AggregateError, a[1], a[2]);
    e.defineOwn('errors', vm.newArray(listFrom(a[0])), Attr.Hidden);
    return e;
  });
  r.internal('makeErrorOf', 4, (vm, _t, a) => {
    const type = a[0] as Exclude<(typeof TYPES)[number], 'AggregateError'>;
    return makeError(vm, type, a[3], r.errorProtos[type], a[1], a[2]);
  });
  let Base: JSObject | null = null;
  for (const type of TYPES) {
    const proto = r.errorProtos[type];
    const isAgg = type === 'AggregateError';
    const C = r.ctor(type, isAgg ? 2 : 1, (vm, _t, a, nt) => {
      // a message object whose conversion is script code (its toString, valueOf or
      // Symbol.toPrimitive): the prelude converts it, then builds the error
      let message = a[isAgg ? 1 : 0];
      if (message instanceof JSObject) {
        const p = vm.toPrimitiveNative(message, 'string');
        if (p === HOLE) {
          if (isAgg) return vm.pushCall(vm.realm.prelude.aggregateErrorFrom, undefined, [a[0], a[1], a[2], nt ?? C], Cont.Normal);
          return vm.pushCall(vm.realm.prelude.errorFrom, undefined, [type, message, a[1], nt ?? C], Cont.Normal);
        }
        message = p as Value; // converted once: makeError's ToString of a primitive
      }
      if (isAgg) {
        // any iterable of errors: the prelude spreads it, then builds the error
        if (!(a[0] instanceof JSArray)) return vm.pushCall(vm.realm.prelude.aggregateErrorFrom, undefined, [a[0], message, a[2], nt ?? C], Cont.Normal);
        const e = makeError(vm, type, nt, proto, message, a[2]);
        e.defineOwn('errors', vm.newArray(listFrom(a[0])), Attr.Hidden);
        return e;
      }
      return makeError(vm, type, nt, proto, message, a[1]);
    }, proto);
    if (Base) {
      C.proto = Base;
      C.shape = C.shape.toDictionary();
    } else Base = C;
    r.value(proto, 'name', type);
    r.value(proto, 'message', '');
  }
  // self-hosted: name and message may be getters or objects with their own toString
  r.selfHosted(r.ErrorPrototype, 'toString', 'errorToString');
});
