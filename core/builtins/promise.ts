/** Promise: the constructor, then/catch/finally and the combinators (self-hosted). */
import { JSObject, JSPromise, Reaction, isCallable } from '../objects';
import { Attr } from '../shape';
import { WELL_KNOWN, type Value } from '../value';
import { Cont } from '../vm/frame';
import { isConstructor, type VM } from '../vm/interpreter';
import { addPreludeModule } from '../prelude/index';
import { registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { receiverText } from './util';

addPreludeModule({
  exports: ['promiseFinally', 'promiseAll', 'promiseAllSettled', 'promiseRace', 'promiseAny', 'promiseThenSlow', 'promiseCatch', 'promiseResolveWith', 'promiseRejectWith'],
  source: String.raw`
// SpeciesConstructor(p, %Promise%)
function promiseSpecies(p) {
  const C = p.constructor;
  if (C === undefined) return Promise;
  if (!$.isObject(C)) throw new TypeError('The .constructor property is not an object');
  const S = C[Symbol.species];
  if (S === undefined || S === null) return Promise;
  if (!$.isConstructor(S)) throw new TypeError('object.constructor[Symbol.species] is not a constructor');
  return S;
}
// NewPromiseCapability(C): [promise, resolve, reject]
function promiseCapability(C) {
  if (!$.isConstructor(C)) throw new TypeError($.describeValue(C) + ' is not a constructor');
  let resolve;
  let reject;
  const promise = new C((res, rej) => {
    if (resolve !== undefined || reject !== undefined) throw new TypeError('Promise executor has already been invoked with non-undefined arguments');
    resolve = res;
    reject = rej;
  });
  if (typeof resolve !== 'function' || typeof reject !== 'function') throw new TypeError('Promise resolve or reject function is not callable');
  return [promise, resolve, reject];
}
// then() of a promise whose species may be another constructor (a subclass, a changed
// constructor): the derived promise is made and settled through that constructor's capability
function promiseThenSlow(onFulfilled, onRejected) {
  const C = promiseSpecies(this);
  if (C === Promise) return $.promiseThen(this, onFulfilled, onRejected);
  const [promise, resolve, reject] = promiseCapability(C);
  $.promiseReact(
    this,
    (v) => promiseReaction(onFulfilled, v, resolve, reject, resolve),
    (e) => promiseReaction(onRejected, e, resolve, reject, reject),
  );
  return promise;
}
// PromiseReactionJob with a capability: the handler's outcome settles it; no handler passes
// the argument on (to resolve for a fulfilment, to reject for a rejection)
function promiseReaction(handler, argument, resolve, reject, passOn) {
  if (typeof handler !== 'function') return passOn(argument);
  let r;
  try {
    r = handler(argument);
  } catch (e) {
    return reject(e);
  }
  return resolve(r);
}
function promiseCatch(onRejected) {
  const then = this.then;
  if (typeof then !== 'function') throw new TypeError($.typeText(then) + ' is not a function');
  return $.call(then, this, undefined, onRejected);
}
// PromiseResolve(C, x) and Promise.reject for a C other than %Promise%
function promiseResolveWith(C, x) {
  if (!$.isObject(C)) throw new TypeError('PromiseResolve called on non-object');
  if ($.isPromise(x) && x.constructor === C) return x;
  const [promise, resolve] = promiseCapability(C);
  resolve(x);
  return promise;
}
function promiseRejectWith(C, r) {
  const [promise, , reject] = promiseCapability(C);
  reject(r);
  return promise;
}
function promiseFinally(onFinally) {
  const p = this;
  if (!$.isObject(p)) throw new TypeError('Promise.prototype.finally called on non-object');
  const C = promiseSpecies(p);
  if (typeof onFinally !== 'function') return p.then(onFinally, onFinally);
  return p.then(
    (v) => promiseResolveWith(C, onFinally()).then(() => v),
    (e) => promiseResolveWith(C, onFinally()).then(() => { throw e; }),
  );
}
function promiseAll(iterable) {
  const C = this;
  return new C((resolve, reject) => {
    const values = [];
    let remaining = 1;
    let index = 0;
    for (const value of iterable) {
      const i = index++;
      values.push(undefined);
      remaining++;
      let called = false;
      C.resolve(value).then((v) => {
        if (called) return;
        called = true;
        values[i] = v;
        if (--remaining === 0) resolve(values);
      }, reject);
    }
    if (--remaining === 0) resolve(values);
  });
}
function promiseAllSettled(iterable) {
  const C = this;
  return new C((resolve, reject) => {
    const values = [];
    let remaining = 1;
    let index = 0;
    for (const value of iterable) {
      const i = index++;
      values.push(undefined);
      remaining++;
      let called = false;
      C.resolve(value).then((v) => {
        if (called) return;
        called = true;
        values[i] = { status: 'fulfilled', value: v };
        if (--remaining === 0) resolve(values);
      }, (e) => {
        if (called) return;
        called = true;
        values[i] = { status: 'rejected', reason: e };
        if (--remaining === 0) resolve(values);
      });
    }
    if (--remaining === 0) resolve(values);
  });
}
function promiseRace(iterable) {
  const C = this;
  return new C((resolve, reject) => {
    for (const value of iterable) C.resolve(value).then(resolve, reject);
  });
}
function promiseAny(iterable) {
  const C = this;
  return new C((resolve, reject) => {
    const errors = [];
    let remaining = 1;
    let index = 0;
    for (const value of iterable) {
      const i = index++;
      errors.push(undefined);
      remaining++;
      let called = false;
      C.resolve(value).then(resolve, (e) => {
        if (called) return;
        called = true;
        errors[i] = e;
        if (--remaining === 0) reject(new AggregateError(errors, 'All promises were rejected'));
      });
    }
    if (--remaining === 0) reject(new AggregateError(errors, 'All promises were rejected'));
  });
}
`,
});

/** PerformPromiseThen(p, onFulfilled, onRejected, a new %Promise% capability). */
function thenDerived(vm: VM, p: JSPromise, onFulfilled: Value, onRejected: Value): JSPromise {
  const derived = vm.newPromise();
  vm.performThen(p, new Reaction(derived, isCallable(onFulfilled) ? onFulfilled : undefined, isCallable(onRejected) ? onRejected : undefined, null));
  return derived;
}

function thisPromise(vm: VM, t: Value, name: string): JSPromise {
  if (!(t instanceof JSPromise)) throw new GuestError('TypeError', `Method Promise.prototype.${name} called on incompatible receiver ${vm.describe(t)}`);
  return t;
}

/** PromiseResolve(%Promise%, v). */
export function promiseResolve(vm: VM, v: Value): JSPromise {
  if (v instanceof JSPromise && v.proto === vm.realm.PromisePrototype && !v.shape.index.has('constructor')) return v;
  const p = vm.newPromise();
  vm.resolvePromise(p, v);
  return p;
}

registerInstaller((r) => {
  const PP = r.PromisePrototype;
  const P = r.ctor('Promise', 1, (vm, _t, a, nt) => {
    if (nt === undefined) throw new GuestError('TypeError', "Promise constructor cannot be invoked without 'new'");
    const executor = a[0];
    if (!isCallable(executor)) throw new GuestError('TypeError', `Promise resolver ${receiverText(vm, executor)} is not a function`);
    let proto = vm.realm.PromisePrototype;
    if (nt instanceof JSObject && nt !== P) {
      const p = vm.get(nt, 'prototype');
      if (p instanceof JSObject) proto = p;
    }
    const promise = vm.newPromise(proto);
    const [resolve, reject] = vm.realm.createResolvingFunctions(promise);
    return vm.pushCallAbsorbing(executor, undefined, [resolve, reject], Cont.Executor, promise);
  }, PP);
  PP.defineOwn(WELL_KNOWN.toStringTag, 'Promise', Attr.Configurable);
  // SpeciesConstructor reads it: a subclass of Promise gets derived promises of its own class
  r.getter(P, WELL_KNOWN.species, (_vm, t) => t);
  r.method(PP, 'then', 2, (vm, t, a) => {
    const p = thisPromise(vm, t, 'then');
    // SpeciesConstructor(p, %Promise%) is %Promise% for a plain promise without a guest step to
    // show it (the prototype and Promise are frozen); anything else asks its constructor
    if (p.proto !== vm.realm.PromisePrototype || p.shape.index.has('constructor')) {
      return vm.pushCall(vm.realm.prelude.promiseThenSlow, p, [a[0], a[1]], Cont.Normal);
    }
    return thenDerived(vm, p, a[0], a[1]);
  });
  // generic, as in V8: Invoke(this, "then", « undefined, onRejected »)
  r.selfHosted(PP, 'catch', 'promiseCatch');
  r.selfHosted(PP, 'finally', 'promiseFinally');
  // PerformPromiseThen with a %Promise% capability, for the prelude's then()
  r.internal('promiseThen', 3, (vm, _t, a) => thenDerived(vm, a[0] as JSPromise, a[1], a[2]));
  // PerformPromiseThen without a capability: the handlers settle one themselves
  r.internal('promiseReact', 3, (vm, _t, a) => {
    const derived = vm.newPromise();
    derived.handled = true;
    vm.performThen(a[0] as JSPromise, new Reaction(derived, a[1], a[2], null));
    return undefined;
  });
  r.internal('isPromise', 1, (_vm, _t, a) => a[0] instanceof JSPromise);
  r.internal('isConstructor', 1, (_vm, _t, a) => isConstructor(a[0]));
  // (another constructor, a subclass: its capability, through the prelude)
  r.method(P, 'resolve', 1, (vm, t, a) => {
    if (t !== P) return vm.pushCall(vm.realm.prelude.promiseResolveWith, undefined, [t, a[0]], Cont.Normal);
    return promiseResolve(vm, a[0]);
  });
  r.method(P, 'reject', 1, (vm, t, a) => {
    if (t !== P) return vm.pushCall(vm.realm.prelude.promiseRejectWith, undefined, [t, a[0]], Cont.Normal);
    const p = vm.newPromise();
    vm.rejectPromise(p, a[0]);
    return p;
  });
  r.method(P, 'withResolvers', 0, (vm) => {
    const p = vm.newPromise();
    const [resolve, reject] = vm.realm.createResolvingFunctions(p);
    const o = vm.newObject();
    vm.defineData(o, 'promise', p);
    vm.defineData(o, 'resolve', resolve);
    vm.defineData(o, 'reject', reject);
    return o;
  });
  r.selfHosted(P, 'all', 'promiseAll');
  r.selfHosted(P, 'allSettled', 'promiseAllSettled');
  r.selfHosted(P, 'race', 'promiseRace');
  r.selfHosted(P, 'any', 'promiseAny');
});
