/** The Error hierarchy: Error, the native error types, AggregateError; `cause` supported. */
import { Cls, JSArray, JSError, JSObject } from '../objects';
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
  if (message !== undefined) e.defineOwn('message', toString(vm, message), Attr.Hidden);
  if (options instanceof JSObject && vm.lookup(options, 'cause') !== HOLE) e.defineOwn('cause', vm.get(options, 'cause'), Attr.Hidden);
  e.stackText = vm.captureStack();
  const name = vm.get(e, 'name');
  const msg = vm.get(e, 'message');
  const head = msg === '' || msg === undefined ? String(name ?? type) : `${String(name ?? type)}: ${String(msg)}`;
  e.defineOwn('stack', e.stackText ? `${head}\n${e.stackText}` : head, Attr.Hidden);
  return e;
}

addPreludeModule({
  exports: ['aggregateErrorFrom'],
  source: String.raw`
function aggregateErrorFrom(errors, message, options, newTarget) {
  return $.makeAggregateError([...errors], message, options, newTarget);
}
`,
});

registerInstaller((r) => {
  r.internal('makeAggregateError', 4, (vm, _t, a) => {
    const e = makeError(vm, 'AggregateError', a[3], r.errorProtos.AggregateError, a[1], a[2]);
    e.defineOwn('errors', vm.newArray(listFrom(a[0])), Attr.Hidden);
    return e;
  });
  let Base: JSObject | null = null;
  for (const type of TYPES) {
    const proto = r.errorProtos[type];
    const isAgg = type === 'AggregateError';
    const C = r.ctor(type, isAgg ? 2 : 1, (vm, _t, a, nt) => {
      if (isAgg) {
        // any iterable of errors: the prelude spreads it, then builds the error
        if (!(a[0] instanceof JSArray)) return vm.pushCall(vm.realm.prelude.aggregateErrorFrom, undefined, [a[0], a[1], a[2], nt ?? C], Cont.Normal);
        const e = makeError(vm, type, nt, proto, a[1], a[2]);
        e.defineOwn('errors', vm.newArray(listFrom(a[0])), Attr.Hidden);
        return e;
      }
      return makeError(vm, type, nt, proto, a[0], a[1]);
    }, proto);
    if (Base) {
      C.proto = Base;
      C.shape = C.shape.toDictionary();
    } else Base = C;
    r.value(proto, 'name', type);
    r.value(proto, 'message', '');
  }
  r.method(r.ErrorPrototype, 'toString', 0, (vm, t) => {
    if (!(t instanceof JSObject)) throw new GuestError('TypeError', 'Error.prototype.toString called on non-object');
    const n = vm.get(t, 'name');
    const m = vm.get(t, 'message');
    const name = n === undefined ? 'Error' : toString(vm, n);
    const msg = m === undefined ? '' : toString(vm, m);
    if (!name) return msg;
    if (!msg) return name;
    return `${name}: ${msg}`;
  });
});
