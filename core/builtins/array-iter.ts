/**
 * The callback methods' fast path: a native driver the prelude loops on.
 *
 * For a plain array (Array.prototype, no own `constructor`) the prelude runs
 *
 *   const st = $.arrayIterStart(o, fn, len, kind, init);
 *   let r; while ((r = step(st, r)) !== st) {}
 *   return st[RESULT];
 *
 * Each step consumes the previous callback result (`r`), finds the next element natively
 * (reading the array live, skipping holes where the method does) and tail-calls the callback
 * (`fn(v, i, o)`, `fn(acc, v, i, o)` for reduce); the callback's result is the step's result,
 * and `st` itself means done. A bytecode callback returns straight into the next step
 * (Cont.Drive, see natives.ts), so the prelude loop runs once per method call, not per element;
 * other callbacks return to the loop. The state is the guest array `st`, so it stays plain data.
 * Other receivers (array-likes, strings, subclass instances) take the prelude's generic loops.
 */
import { JSArray, JSObject } from '../objects';
import { HOLE, type Marker, type Value } from '../value';
import type { VM } from '../vm/interpreter';
import { toBoolean } from '../vm/ops';
import { Driver, registerDriver } from '../vm/natives';
import { PUSHED, registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';

export const enum IterMethod {
  ForEach,
  Map,
  Filter,
  Some,
  Every,
  Find,
  FindIndex,
  FindLast,
  FindLastIndex,
  Reduce,
  ReduceRight,
}

const enum T {
  O,
  Fn,
  Len,
  /** Next index to visit. */
  I,
  Kind,
  /** map/filter: the result array. */
  Out,
  /** Index of the call in flight (-1: none yet). */
  Cur,
  /** Value of the call in flight. */
  V,
  /** The method's result (reduce: the accumulator). */
  Result,
  /** The driver id (Driver.ArrayIter), last. */
  Driver,
  Size,
}

/** Whether `o` may use the driver: a real array with Array.prototype and no own properties. */
function eligible(vm: VM, o: Value): o is JSArray {
  return o instanceof JSArray && o.proto === vm.realm.ArrayPrototype && o.shape === vm.realm.arrayShape;
}

function skipsHoles(kind: IterMethod): boolean {
  return kind < IterMethod.Find || kind >= IterMethod.Reduce;
}

function backwards(kind: IterMethod): boolean {
  return kind === IterMethod.FindLast || kind === IterMethod.FindLastIndex || kind === IterMethod.ReduceRight;
}

/** The initial result of each method (what it returns when no callback decides otherwise). */
function initialResult(kind: IterMethod): Value {
  switch (kind) {
    case IterMethod.Some:
      return false;
    case IterMethod.Every:
      return true;
    case IterMethod.FindIndex:
    case IterMethod.FindLastIndex:
      return -1;
    default:
      return undefined;
  }
}

function start(vm: VM, a: Value[]): Value {
  const o = a[0];
  if (!eligible(vm, o)) return null;
  const kind = a[3] as IterMethod;
  const len = a[2] as number;
  const st: (Value | Marker)[] = new Array(T.Size).fill(undefined);
  st[T.O] = o;
  st[T.Fn] = a[1];
  st[T.Len] = len;
  st[T.Kind] = kind;
  st[T.Cur] = -1;
  st[T.I] = backwards(kind) ? len - 1 : 0;
  st[T.Result] = initialResult(kind);
  st[T.Driver] = Driver.ArrayIter;
  if (kind === IterMethod.Map) {
    vm.reserve(len * 8);
    st[T.Out] = vm.newArray(new Array(len).fill(HOLE));
  } else if (kind === IterMethod.Filter) st[T.Out] = vm.newArray([]);
  if (kind === IterMethod.Reduce || kind === IterMethod.ReduceRight) {
    if (a.length > 4) st[T.Result] = a[4];
    else {
      // the first present element is the initial accumulator
      // (the loops run within the elements, whatever `len` says: past them are only holes)
      const el = o.elements;
      const back = kind === IterMethod.ReduceRight;
      let i = st[T.I] as number;
      let found = false;
      if (back) {
        if (i >= el.length) i = el.length - 1;
        for (; i >= 0; i--) {
          if (el[i] !== HOLE) {
            st[T.Result] = el[i] as Value;
            found = true;
            i--;
            break;
          }
        }
      } else {
        const end = len < el.length ? len : el.length;
        for (; i < end; i++) {
          if (el[i] !== HOLE) {
            st[T.Result] = el[i] as Value;
            found = true;
            i++;
            break;
          }
        }
      }
      if (!found) throw new GuestError('TypeError', 'Reduce of empty array with no initial value');
      st[T.I] = i;
    }
  }
  return vm.newArray(st);
}

function step(vm: VM, sta: JSArray, r: Value): Value | typeof PUSHED {
  const st = sta.elements;
  const kind = st[T.Kind] as IterMethod;
  const cur = st[T.Cur] as number;
  if (cur >= 0) {
    switch (kind) {
      case IterMethod.Map: {
        const out = (st[T.Out] as JSArray).elements;
        out[cur] = r;
        break;
      }
      case IterMethod.Filter:
        if (toBoolean(r)) vm.arraySet(st[T.Out] as JSArray, (st[T.Out] as JSArray).elements.length, st[T.V] as Value);
        break;
      case IterMethod.Some:
        if (toBoolean(r)) {
          st[T.Result] = true;
          return sta;
        }
        break;
      case IterMethod.Every:
        if (!toBoolean(r)) {
          st[T.Result] = false;
          return sta;
        }
        break;
      case IterMethod.Find:
      case IterMethod.FindLast:
        if (toBoolean(r)) {
          st[T.Result] = st[T.V];
          return sta;
        }
        break;
      case IterMethod.FindIndex:
      case IterMethod.FindLastIndex:
        if (toBoolean(r)) {
          st[T.Result] = cur;
          return sta;
        }
        break;
      case IterMethod.Reduce:
      case IterMethod.ReduceRight:
        st[T.Result] = r;
        break;
    }
  }
  const o = st[T.O] as JSArray;
  const el = o.elements;
  const len = st[T.Len] as number;
  let i = st[T.I] as number;
  let v: Value | Marker = HOLE;
  // Hole skipping stays within the elements (past them are only holes), so a state from
  // snapshot bytes with a huge index or length cannot spin here without a guest call.
  if (backwards(kind)) {
    if (skipsHoles(kind)) {
      if (i >= el.length) i = el.length - 1;
      while (i >= 0 && (v = el[i]) === HOLE) i--;
    } else if (i >= 0) v = i < el.length ? el[i] : HOLE;
    if (!(i >= 0)) return finish(st, sta, kind);
    st[T.I] = i - 1;
  } else {
    if (skipsHoles(kind)) {
      const end = len < el.length ? len : el.length;
      while (i < end && (v = el[i]) === HOLE) i++;
      if (!(i < end)) return finish(st, sta, kind);
    } else if (!(i < len)) return finish(st, sta, kind);
    else v = i < el.length ? el[i] : HOLE;
    st[T.I] = i + 1;
  }
  const value = v === HOLE ? undefined : (v as Value);
  st[T.Cur] = i;
  st[T.V] = value;
  const fn = st[T.Fn] as JSObject;
  if (kind === IterMethod.Reduce || kind === IterMethod.ReduceRight) return vm.callForDriver(fn, sta, 4, st[T.Result] as Value, value, i, o);
  return vm.callForDriver(fn, sta, 3, value, i, o, undefined);
}

function finish(st: (Value | Marker)[], sta: JSArray, kind: IterMethod): Value {
  if (kind === IterMethod.Map || kind === IterMethod.Filter) st[T.Result] = st[T.Out];
  return sta;
}

registerDriver(Driver.ArrayIter, step);

registerInstaller((r) => {
  /** The driver's state for a plain array, or null (the prelude then loops generically). */
  r.internal('arrayIterStart', 5, (vm, _t, a) => start(vm, a));
  r.internal('arrayIterStep', 2, (vm, _t, a) => step(vm, a[0] as JSArray, a[1]));
});

export const ITER_RESULT = T.Result;
