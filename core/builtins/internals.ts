/** The `$` object of the prelude: small natives that self-hosted code builds on. */
import { JSArray, JSObject, isCallable } from '../objects';
import { HOLE, type PropertyKey, type Value } from '../value';
import { Cont } from '../vm/frame';
import { registerInstaller } from '../vm/realm';
import { Attr } from '../shape';
import { GuestError } from '../vm/throw';
import { noSideEffectsToString } from '../vm/describe';
import { typeText } from '../destructure';

registerInstaller((r) => {
  r.internal('isObject', 1, (_vm, _t, a) => a[0] instanceof JSObject);
  r.internal('isCallable', 1, (_vm, _t, a) => isCallable(a[0]));
  // V8's rendering of a value in messages (no guest code runs)
  r.internal('describeValue', 1, (vm, _t, a) => noSideEffectsToString(vm, a[0]));
  // …and by its type, as in "number 5 is not a function"
  r.internal('typeText', 1, (_vm, _t, a) => typeText(a[0]));
  // IteratorNext's check: the result itself, or V8's TypeError
  r.internal('iterResult', 1, (vm, _t, a) => {
    if (!(a[0] instanceof JSObject)) throw vm.notIterResult(a[0]);
    return a[0];
  });
  // $.call(f, this, ...args): a guest call whose result is this native's result
  r.internal('call', 2, (vm, _t, a) => {
    const f = a[0];
    if (!isCallable(f)) throw new GuestError('TypeError', `${vm.describe(f)} is not a function`);
    return vm.pushCall(f, a[1], a.slice(2), Cont.Normal);
  });
  r.internal('apply', 3, (vm, _t, a) => {
    const f = a[0];
    if (!isCallable(f)) throw new GuestError('TypeError', `${vm.describe(f)} is not a function`);
    const args = a[2] instanceof JSArray ? (a[2].elements.map((e) => (e === HOLE ? undefined : e)) as Value[]) : [];
    return vm.pushCall(f, a[1], args, Cont.Normal);
  });
  r.internal('primitiveBinary', 3, (vm, _t, a) => vm.primitiveBinary(a[0] as number, a[1], a[2]));
  r.internal('primitiveUnary', 2, (vm, _t, a) => vm.primitiveUnary(a[0] as number, a[1]));
  r.internal('arrayPush', 2, (vm, _t, a) => {
    const arr = a[0] as JSArray;
    arr.elements.push(a[1]);
    vm.charge(8);
    return undefined;
  });
  r.internal('arrayIncludes', 2, (_vm, _t, a) => (a[0] as JSArray).elements.includes(a[1]));
  r.internal('ownKeys', 1, (vm, _t, a) => {
    const o = a[0];
    if (!(o instanceof JSObject)) return vm.newArray([]);
    return vm.newArray(vm.ownKeys(o, false) as Value[]);
  });
  r.internal('isEnumerable', 2, (vm, _t, a) => {
    const o = a[0] as JSObject;
    const attrs = vm.ownAttrs(o, a[1] as PropertyKey);
    return attrs >= 0 && (attrs & Attr.Enumerable) !== 0;
  });
  r.internal('defineData', 3, (vm, _t, a) => {
    vm.defineData(a[0] as JSObject, vm.propertyKey(a[1]), a[2]);
    return undefined;
  });
});
