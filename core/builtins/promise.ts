/** Promise: the constructor, then/catch/finally and the combinators (self-hosted). */
import { JSObject, JSPromise, Reaction, isCallable } from '../objects';
import { Attr } from '../shape';
import { WELL_KNOWN, type Value } from '../value';
import { Cont } from '../vm/frame';
import type { VM } from '../vm/interpreter';
import { addPreludeModule } from '../prelude/index';
import { registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { receiverText } from './util';

addPreludeModule({
  exports: ['promiseFinally', 'promiseAll', 'promiseAllSettled', 'promiseRace', 'promiseAny'],
  source: String.raw`
function promiseFinally(onFinally) {
  const p = this;
  if (typeof onFinally !== 'function') return p.then(onFinally, onFinally);
  return p.then(
    (v) => Promise.resolve(onFinally()).then(() => v),
    (e) => Promise.resolve(onFinally()).then(() => { throw e; }),
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
  // reflection sees it as in V8; then() itself does not consult it (LANGUAGE.md: Promise subclasses)
  r.getter(P, WELL_KNOWN.species, (_vm, t) => t);
  r.method(PP, 'then', 2, (vm, t, a) => {
    const p = thisPromise(vm, t, 'then');
    // Subclasses get derived promises of their own class (species), without running
    // their constructor: an approximation documented in LANGUAGE.md.
    const derived = vm.newPromise(p.proto && p.proto !== vm.realm.PromisePrototype ? p.proto : vm.realm.PromisePrototype);
    vm.performThen(p, new Reaction(derived, isCallable(a[0]) ? a[0] : undefined, isCallable(a[1]) ? a[1] : undefined, null));
    return derived;
  });
  r.method(PP, 'catch', 1, (vm, t, a) => {
    const p = thisPromise(vm, t, 'catch');
    const derived = vm.newPromise(p.proto && p.proto !== vm.realm.PromisePrototype ? p.proto : vm.realm.PromisePrototype);
    vm.performThen(p, new Reaction(derived, undefined, isCallable(a[0]) ? a[0] : undefined, null));
    return derived;
  });
  r.selfHosted(PP, 'finally', 'promiseFinally');
  const protoOf = (vm: VM, c: Value): JSObject => {
    if (c instanceof JSObject && c !== P) {
      const p = vm.get(c, 'prototype');
      if (p instanceof JSObject) return p;
    }
    return vm.realm.PromisePrototype;
  };
  r.method(P, 'resolve', 1, (vm, t, a) => {
    const proto = protoOf(vm, t);
    if (proto === vm.realm.PromisePrototype) return promiseResolve(vm, a[0]);
    if (a[0] instanceof JSPromise && a[0].proto === proto) return a[0];
    const p = vm.newPromise(proto);
    vm.resolvePromise(p, a[0]);
    return p;
  });
  r.method(P, 'reject', 1, (vm, t, a) => {
    const p = vm.newPromise(protoOf(vm, t));
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
