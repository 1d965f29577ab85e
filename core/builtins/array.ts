/**
 * Array: the constructor, `Array.isArray/of/from` and `Array.prototype`.
 *
 * Methods that never call guest code are natives with a fast path on dense {@link JSArray}s
 * (`elements` is the whole storage; `HOLE` marks holes) and a generic path for array-likes
 * (`Array.prototype.slice.call(obj)`) that reads through `vm.get` — a guest getter there is
 * rejected with a TypeError. Methods that call guest code (callbacks, comparators, user
 * `toString`s, iteration of user iterables, species constructors) live in the prelude
 * (array-prelude.ts); some natives tail-call a prelude function when they meet guest code.
 * `keys`/`values`/`entries` and the array iterator are in iteration.ts.
 */
import { BoundData, JSArray, JSFunction, JSObject, JSPrimitiveObject, NativeFunction, Cls, isCallable } from '../objects';
import { Attr } from '../shape';
import { GSymbol, HOLE, WELL_KNOWN, type Marker, type PropertyKey, type Value } from '../value';
import { Cont } from '../vm/frame';
import { isConstructor, type VM } from '../vm/interpreter';
import { Driver, nativeIdByName, registerDriver, type NativeImpl } from '../vm/natives';
import { primToString, sameValueZero, toBoolean, toIntegerOrInfinity } from '../vm/ops';
import { PUSHED, registerInstaller, type Realm } from '../vm/realm';
import { GuestCodeNeeded, GuestError } from '../vm/throw';
import { ARRAY_BYTES } from '../vm/heapcost';
import { LimitError } from '../errors';
import { ARRAY_PRELUDE_LOADED } from './array-prelude';
import { ITER_RESULT } from './array-iter';
import { joinAll, toInteger, toLength, toObject, toPrimitive } from './util';

void ARRAY_PRELUDE_LOADED;
void ITER_RESULT;

/** 2^53 - 1: the largest length of an array-like. */
const MAX_SAFE = 9007199254740991;
/** The largest length of a real array. */
const MAX_ARRAY = 4294967295;
/** Bytes charged per element slot. */
const SLOT = 8;

type Elem = Value | Marker;

// ---- small helpers ---------------------------------------------------------------------

/** Methods whose ToObject(this) failure V8 words as "Array.prototype.x called on null or undefined". */
const CALLED_ON = new Set(['concat', 'find', 'findIndex', 'findLast', 'findLastIndex', 'indexOf', 'forEach', 'filter', 'map', 'every', 'some', 'reduce', 'reduceRight']);

function thisObject(vm: VM, t: Value, name: string): JSObject {
  if (t === null || t === undefined) {
    throw new GuestError('TypeError', CALLED_ON.has(name) ? `Array.prototype.${name} called on null or undefined` : 'Cannot convert undefined or null to object');
  }
  return toObject(vm, t);
}


/** LengthOfArrayLike. */
function lengthOf(vm: VM, o: JSObject): number {
  if (o instanceof JSArray) return o.elements.length;
  return toLength(vm, vm.get(o, 'length'));
}

/**
 * Methods with index/count arguments: per argument `n` (ToIntegerOrInfinity) or `k` (kept),
 * and whether an empty receiver returns before the arguments are converted (indexOf & co).
 */
const NUMERIC_ARGS = new Map<string, [hints: string, emptyShortcut: boolean]>([
  ['at', ['n', false]],
  ['with', ['nk', false]],
  ['slice', ['nn', false]],
  ['splice', ['nn', false]],
  ['toSpliced', ['nn', false]],
  ['indexOf', ['kn', true]],
  ['lastIndexOf', ['kn', true]],
  ['includes', ['kn', true]],
  ['fill', ['knn', false]],
  ['copyWithin', ['nnn', false]],
  ['flat', ['n', false]],
]);

/**
 * An index argument whose `valueOf`/`toString`/`Symbol.toPrimitive` is script code cannot be
 * converted by the native: the call goes through the prelude (arrayNumArgsSlow), which reads
 * the length, converts the arguments as guest calls in the specification's order and calls
 * the native again with numbers.
 */
function numericArgs(name: string, hints: string, emptyShortcut: boolean, impl: NativeImpl): NativeImpl {
  const generic = GETTER_GENERIC.get(name);
  return (vm, t, a, nt, self) => {
    const n = a.length < hints.length ? a.length : hints.length;
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v instanceof JSObject && hints.charCodeAt(i) === 0x6e /* n */ && vm.toPrimitiveNative(v, 'number') === HOLE) {
        thisObject(vm, t, name);
        // a method with a self-hosted generic version runs it (exact, whatever the conversions do)
        if (generic) return vm.pushCall(vm.realm.prelude[generic], t, a.slice(), Cont.Normal);
        return vm.pushCall(vm.realm.prelude.arrayNumArgsSlow, undefined, [self, t, vm.newArray(a.slice()), hints, emptyShortcut, name], Cont.Normal);
      }
    }
    return impl(vm, t, a, nt, self);
  };
}

/** Read-only methods and their self-hosted generic versions (array-likes with script getters). */
const GETTER_GENERIC = new Map([
  ['join', 'arrayJoinSlow'],
  ['slice', 'arrayLikeSlice'],
  ['indexOf', 'arrayLikeIndexOf'],
  ['lastIndexOf', 'arrayLikeLastIndexOf'],
  ['includes', 'arrayLikeIncludes'],
  ['at', 'arrayLikeAt'],
]);

/** A plain, dense-storage array the fast paths may use directly. */
function isFast(o: JSObject): o is JSArray {
  return o instanceof JSArray;
}

/**
 * Element access through property lookup (array-likes, holes read through the prototype chain)
 * costs an instruction each, checked: a method called on `{ length: 2 ** 53 - 1 }` loops in the
 * host, so it must stop at the budget, not after 2^53 lookups.
 */
const ARRAY_LIKE = 'an Array method over an array-like';

/** [[Get]] of index `i` (holes read through the prototype chain). */
function getIndex(vm: VM, o: JSObject, i: number): Value {
  if (o instanceof JSArray) {
    const el = o.elements;
    if (i < el.length) {
      const v = el[i];
      if (v !== HOLE) return v as Value;
    }
    if (o.proto === vm.realm.ArrayPrototype) return undefined;
  }
  vm.chargeWorkChecked(1, ARRAY_LIKE);
  return vm.get(o, String(i));
}

/** HasProperty of index `i`. */
function hasIndex(vm: VM, o: JSObject, i: number): boolean {
  if (o instanceof JSArray) {
    const el = o.elements;
    if (i < el.length && el[i] !== HOLE) return true;
    if (o.proto === vm.realm.ArrayPrototype) return false;
  }
  vm.chargeWorkChecked(1, ARRAY_LIKE);
  return vm.lookup(o, String(i)) !== HOLE;
}

function readOnly(key: string | number): GuestError {
  return new GuestError('TypeError', `Cannot assign to read only property '${key}' of object '[object Array]'`);
}

function notExtensible(key: string | number): GuestError {
  return new GuestError('TypeError', `Cannot add property ${key}, object is not extensible`);
}

/** Set(O, i, v, true). */
function setIndex(vm: VM, o: JSObject, i: number, v: Value): void {
  if (o instanceof JSArray) {
    if (!o.writable) throw readOnly(i);
    vm.arraySet(o, i, v);
    return;
  }
  vm.chargeWorkChecked(1, ARRAY_LIKE);
  vm.set(o, String(i), v);
}

/** DeletePropertyOrThrow(O, i). */
function deleteIndex(vm: VM, o: JSObject, i: number): void {
  vm.chargeWorkChecked(1, ARRAY_LIKE);
  vm.deleteProp(o, String(i));
}

/** Set(O, "length", n, true). */
function setLength(vm: VM, o: JSObject, n: number): void {
  if (o instanceof JSArray) {
    if (!o.writable) throw readOnly('length');
    vm.setArrayLength(o, n);
    return;
  }
  vm.set(o, 'length', n);
}

/** A writable, extensible real array: the mutators may edit `elements` directly. */
function mutable(o: JSObject): o is JSArray {
  return o instanceof JSArray && o.writable && o.extensible;
}

/** Relative index argument clamped to [0, len] (undefined → `dflt`). */
function relative(vm: VM, v: Value, len: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = typeof v === 'number' ? toIntegerOrInfinity(v) : toInteger(vm, v);
  if (n < 0) return n + len < 0 ? 0 : n + len;
  return n > len ? len : n;
}

/** A new array whose prototype is `proto` (Array.prototype by default). */
function makeArray(vm: VM, elements: Elem[], proto: JSObject | null = null): JSArray {
  if (proto === null || proto === vm.realm.ArrayPrototype) return vm.newArray(elements);
  vm.charge(ARRAY_BYTES + elements.length * SLOT);
  const a = new JSArray(proto, elements);
  a.shape = vm.realm.rootShape(proto);
  return a;
}

/**
 * True when ArraySpeciesCreate(o, n) could be something other than a plain array: `o` is a
 * real array whose `constructor` is not Array (an Array subclass instance, or one with an own
 * `constructor`). Natives then build a plain result and the prelude's arraySpeciesFrom copies
 * it into `new C(n)` (the spec's construction, guest constructor included).
 */
function needsSpecies(vm: VM, o: JSObject): boolean {
  if (!(o instanceof JSArray) || (o.proto === vm.realm.ArrayPrototype && o.shape === vm.realm.arrayShape)) return false;
  return vm.lookup(o, 'constructor') !== vm.realm.ctors.get('Array');
}

/** Reserves heap for `n` new element slots (throws a LimitError before allocating). */
function reserveSlots(vm: VM, n: number): void {
  if (n > MAX_ARRAY) throw new GuestError('RangeError', 'Invalid array length');
  vm.reserve(n * SLOT);
}


// ---- join ----------------------------------------------------------------------------------

/** Arrays being joined per VM (a cyclic reference joins as ''). */
const joining = new WeakMap<VM, Set<JSObject>>();

function joinSet(vm: VM): Set<JSObject> {
  let s = joining.get(vm);
  if (!s) joining.set(vm, (s = new Set()));
  return s;
}

/** Marker: the join needs guest code (the prelude's slow join takes over). */
const NEEDS_GUEST = Symbol('needs guest');

let joinNativeId = -1;
let toStringNativeId = -1;

/** The element's string in a join, or NEEDS_GUEST. */
function joinElement(vm: VM, v: Value, depth: number): string | typeof NEEDS_GUEST {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (!(v instanceof JSObject)) return primToString(v);
  if (v instanceof JSArray && depth < 64) {
    // nested arrays whose toString/join are the built-ins join natively
    const ts = vm.lookup(v, 'toString');
    const j = vm.lookup(v, 'join');
    const p = vm.lookup(v, WELL_KNOWN.toPrimitive);
    if (
      (p === HOLE || p === undefined) &&
      ts instanceof NativeFunction &&
      ts.nativeId === toStringNativeId &&
      j instanceof NativeFunction &&
      j.nativeId === joinNativeId
    ) {
      return joinNative(vm, v, ',', depth + 1);
    }
    return NEEDS_GUEST;
  }
  const p = vm.toPrimitiveNative(v, 'string');
  if (p === HOLE) return NEEDS_GUEST;
  return primToString(p as Value);
}

/** Join without guest code, or NEEDS_GUEST. Cyclic references give ''. */
function joinNative(vm: VM, o: JSObject, sep: string, depth = 0): string | typeof NEEDS_GUEST {
  const set = joinSet(vm);
  if (set.has(o)) return '';
  const len = lengthOf(vm, o);
  if (len === 0) return '';
  set.add(o);
  try {
    const max = vm.maxStringLength;
    const parts: string[] = [];
    let total = 0;
    if (o instanceof JSArray && o.proto === vm.realm.ArrayPrototype) {
      const el = o.elements;
      for (let i = 0; i < len; i++) {
        const v = el[i];
        const s = v === HOLE ? '' : joinElement(vm, v as Value, depth);
        if (s === NEEDS_GUEST) return NEEDS_GUEST;
        total += s.length + sep.length;
        if (total > max) vm.stringTooLong(total);
        parts.push(s);
      }
    } else {
      for (let i = 0; i < len; i++) {
        const s = joinElement(vm, getIndex(vm, o, i), depth);
        if (s === NEEDS_GUEST) return NEEDS_GUEST;
        total += s.length + sep.length;
        if (total > max) vm.stringTooLong(total);
        parts.push(s);
      }
    }
    vm.reserve(total * 2);
    vm.charge(16 + total * 2);
    return joinAll(parts, sep);
  } finally {
    set.delete(o);
  }
}

// ---- sorting -------------------------------------------------------------------------------

/** Items of a sort (non-hole, non-undefined), the undefined count and the hole count. */
function sortCollect(el: Elem[]): { items: Value[]; undefs: number; holes: number } {
  const items: Value[] = [];
  let undefs = 0;
  let holes = 0;
  for (let i = 0; i < el.length; i++) {
    const v = el[i];
    if (v === HOLE) holes++;
    else if (v === undefined) undefs++;
    else items.push(v as Value);
  }
  return { items, undefs, holes };
}

/**
 * The default sort order (ToString, then UTF-16 code units), stable, on values that need no
 * guest code; returns null when some object's conversion would run guest code.
 */
/**
 * Natives whose host work grows with the arrays they touch (scans, copies, moves). Each call
 * on arrays of more than 4096 elements is charged one instruction per 8 elements of the
 * receiver and of array arguments, before the work, so a loop over a big array cannot do unbounded host work per instruction and
 * outrun the instruction budget and the time check.
 */
const LINEAR_WORK: ReadonlySet<string> = new Set([
  'concat', 'copyWithin', 'fill', 'flat', 'includes', 'indexOf', 'lastIndexOf', 'join', 'reverse', 'shift', 'unshift',
  'slice', 'splice', 'toString', 'toReversed', 'toSpliced', 'with', 'sort', 'toSorted',
]);

function linearCharged(impl: NativeImpl): NativeImpl {
  return (vm, t, a, nt, self) => {
    let n = t instanceof JSArray ? t.elements.length : 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (x instanceof JSArray) n += x.elements.length;
    }
    if (n > 4096) vm.chargeWork(n >> 3);
    return impl(vm, t, a, nt, self);
  };
}

function defaultSorted(vm: VM, items: Value[]): Value[] | null {
  const n = items.length;
  if (n < 2) return items;
  vm.charge(16 + n * 2 * SLOT);
  // n log n comparisons of host strings
  if (n > 1024) vm.chargeWork(Math.ceil((n * Math.log2(n)) / 4));
  let allPrimitive = true;
  for (let i = 0; i < n; i++) {
    const v = items[i];
    if (v instanceof GSymbol) throw new GuestError('TypeError', 'Cannot convert a Symbol value to a string');
    // BigInts too: the host's sort would convert them at every comparison, uncharged
    if (v instanceof JSObject || typeof v === 'bigint') allPrimitive = false;
  }
  if (allPrimitive) {
    // the host's default sort is the same algorithm on the same primitives (stable, ToString)
    items.sort();
    return items;
  }
  const keys: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = items[i];
    if (v instanceof JSObject) {
      const s = joinElement(vm, v, 0);
      if (s === NEEDS_GUEST) return null;
      keys[i] = s;
    } else keys[i] = primToString(v);
  }
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
  return order.map((i) => items[i]);
}

/** Writes sorted items back: items, then undefineds, then holes (SortIndexedProperties + writes). */
function sortWriteBack(vm: VM, o: JSArray, items: Value[], undefs: number, holes: number): void {
  if (!o.writable && items.length + undefs > 0) throw readOnly(0);
  const el = o.elements;
  let k = 0;
  for (let i = 0; i < items.length; i++) el[k++] = items[i];
  for (let i = 0; i < undefs; i++) el[k++] = undefined;
  for (let i = 0; i < holes; i++) el[k++] = HOLE;
  void vm;
}

// ---- comparator sort: a resumable merge sort --------------------------------------------

/*
 * Comparator sorts run as a state machine the prelude drives, one comparison per step:
 *
 *   const st = $.arraySortStart(items); let r = 0;
 *   while ((r = $.arraySortStep(st, +r, cmp)) !== st);
 *
 * The step consumes the previous comparison's result, moves elements natively and stops at
 * the next comparison it needs, which it tail-calls: `cmp(a, b)`'s result is the step's result
 * (`st` itself when the sort is done). The whole state lives in the
 * guest array `st` (numbers and two arrays), so a run suspended mid-sort stays plain data.
 * Algorithm: binary insertion sort on runs of RUN, then bottom-up merges, skipping a merge when
 * the two runs are already in order. It asks `cmp(later, earlier) < 0` (move `later` first?)
 * like V8, so it is stable and an inconsistent comparator such as `(a, b) => a > b` leaves the
 * order unchanged, as V8 does.
 */
const RUN = 32;
const enum SortPhase {
  Insert,
  MergePass,
  MergeCheck,
  Merging,
  Done,
}
const enum S {
  A,
  B,
  Src,
  Dst,
  Phase,
  N,
  Lo,
  Hi,
  I,
  L,
  R,
  W,
  Mid,
  J,
  K,
  /** The comparator (set by each guest-called step). */
  Cmp,
  /** The driver id (Driver.Sort), last. */
  Driver,
  Size,
}

function sortStart(vm: VM, items: JSArray): JSArray {
  const n = items.elements.length;
  reserveSlots(vm, n);
  const dst = vm.newArray(new Array(n).fill(undefined));
  const st: Elem[] = new Array(S.Size).fill(0);
  st[S.A] = undefined;
  st[S.B] = undefined;
  st[S.Src] = items;
  st[S.Dst] = dst;
  st[S.Phase] = n < 2 ? SortPhase.Done : SortPhase.Insert;
  st[S.N] = n;
  st[S.Lo] = 0;
  st[S.Hi] = Math.min(RUN, n);
  st[S.I] = 1;
  st[S.L] = 0;
  st[S.R] = 1;
  st[S.W] = RUN;
  st[S.Mid] = -1;
  st[S.Cmp] = undefined;
  st[S.Driver] = Driver.Sort;
  return vm.newArray(st);
}

/**
 * Consumes comparison result `res` and tail-calls the next comparison, `cmp(a, b)`, whose
 * result is this step's result; returns `st` when the sort is done.
 */
function sortNext(vm: VM, st: JSArray, res: number): Value | typeof PUSHED {
  const el = st.elements;
  if (vm.untrusted && !validSortState(el)) throw new Error('a sort state out of range');
  if (!sortStep(el, res)) return st;
  return vm.callForDriver(el[S.Cmp] as Value, st, 2, el[S.A] as Value, el[S.B] as Value, undefined, undefined);
}

/**
 * The step a comparator's return runs (Cont.Drive). A result that is not a number, boolean or
 * undefined goes back to the prelude loop, whose `+r` converts it (guest valueOf may run).
 */
function sortDrive(vm: VM, st: JSArray, v: Value): Value | typeof PUSHED {
  if (typeof v === 'number') return sortNext(vm, st, v);
  if (typeof v === 'boolean') return sortNext(vm, st, v ? 1 : 0);
  if (v === undefined) return sortNext(vm, st, NaN);
  return v;
}
registerDriver(Driver.Sort, sortDrive);

/**
 * Whether a sort state read from snapshot bytes has the types and ranges sortStep relies on to
 * end (w ≥ 1) and to keep its loops within the arrays (every index within about 2n): a sealed
 * but inconsistent state would otherwise spin without running a guest instruction.
 */
function validSortState(st: Elem[]): boolean {
  if (st.length !== S.Size) return false;
  const src = st[S.Src];
  const dst = st[S.Dst];
  const n = st[S.N];
  if (!(src instanceof JSArray) || !(dst instanceof JSArray) || n !== src.elements.length || n !== dst.elements.length) return false;
  const max = 2 * n + 2 * RUN;
  const within = (x: Elem, min: number) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
  const phase = st[S.Phase];
  if (!within(phase, 0) || (phase as number) > SortPhase.Done || !within(st[S.W], 1) || !within(st[S.Mid], -1)) return false;
  for (const f of [S.Lo, S.Hi, S.I, S.L, S.R, S.J, S.K]) if (!within(st[f], 0)) return false;
  return true;
}

/** One step: consumes the pending comparison result `res`; true when another comparison is needed. */
function sortStep(st: Elem[], res: number): boolean {
  let src = (st[S.Src] as JSArray).elements;
  let dst = (st[S.Dst] as JSArray).elements;
  let phase = st[S.Phase] as SortPhase;
  const n = st[S.N] as number;
  let lo = st[S.Lo] as number;
  let hi = st[S.Hi] as number;
  let i = st[S.I] as number;
  let l = st[S.L] as number;
  let r = st[S.R] as number;
  let w = st[S.W] as number;
  let mid = st[S.Mid] as number;
  let j = st[S.J] as number;
  let k = st[S.K] as number;
  const neg = res < 0;
  let a: Elem = undefined;
  let b: Elem = undefined;
  let more = true;
  out: for (;;) {
    switch (phase) {
      case SortPhase.Insert: {
        // run [lo, hi): inserting src[i] into src[lo, i); binary search window [l, r), probe mid
        if (mid >= 0) {
          if (neg) r = mid;
          else l = mid + 1;
          mid = -1;
        }
        if (i < hi) {
          if (l < r) {
            mid = (l + r) >>> 1;
            a = src[i];
            b = src[mid];
            break out;
          }
          if (l < i) {
            const x = src[i];
            for (let q = i; q > l; q--) src[q] = src[q - 1];
            src[l] = x;
          }
          i++;
          l = lo;
          r = i;
          continue;
        }
        lo = hi;
        if (lo >= n) {
          phase = SortPhase.MergePass;
          lo = 0;
          continue;
        }
        hi = Math.min(lo + RUN, n);
        i = lo + 1;
        l = lo;
        r = i;
        continue;
      }
      case SortPhase.MergePass: {
        if (w >= n) {
          phase = SortPhase.Done;
          continue;
        }
        if (lo >= n) {
          const t = st[S.Src];
          st[S.Src] = st[S.Dst];
          st[S.Dst] = t;
          const te = src;
          src = dst;
          dst = te;
          w += w;
          lo = 0;
          continue;
        }
        mid = lo + w;
        if (mid >= n) {
          for (let q = lo; q < n; q++) dst[q] = src[q];
          lo = n;
          continue;
        }
        hi = Math.min(mid + w, n);
        phase = SortPhase.MergeCheck;
        a = src[mid];
        b = src[mid - 1];
        break out;
      }
      case SortPhase.MergeCheck: {
        if (!neg) {
          for (let q = lo; q < hi; q++) dst[q] = src[q];
          lo = hi;
          phase = SortPhase.MergePass;
          continue;
        }
        i = lo;
        j = mid;
        k = lo;
        phase = SortPhase.Merging;
        a = src[j];
        b = src[i];
        break out;
      }
      case SortPhase.Merging: {
        if (neg) dst[k++] = src[j++];
        else dst[k++] = src[i++];
        if (i >= mid) {
          while (j < hi) dst[k++] = src[j++];
        } else if (j >= hi) {
          while (i < mid) dst[k++] = src[i++];
        } else {
          a = src[j];
          b = src[i];
          break out;
        }
        lo = hi;
        phase = SortPhase.MergePass;
        continue;
      }
      case SortPhase.Done:
        more = false;
        break out;
    }
  }
  st[S.A] = a;
  st[S.B] = b;
  st[S.Phase] = phase;
  st[S.Lo] = lo;
  st[S.Hi] = hi;
  st[S.I] = i;
  st[S.L] = l;
  st[S.R] = r;
  st[S.W] = w;
  st[S.Mid] = mid;
  st[S.J] = j;
  st[S.K] = k;
  return more;
}

// ---- flat ----------------------------------------------------------------------------------

/** Elements visited between checks of the heap and instruction budgets while counting. */
const FLAT_CHECK = 4096;

/** FlattenIntoArray's IsArray: Array.prototype is an (empty) array too. */
function flattens(vm: VM, v: Elem): boolean {
  return v instanceof JSArray || v === vm.realm.ArrayPrototype;
}

/**
 * Counts flat()'s output before anything is allocated. A shared or self-referential nested
 * array makes this walk far longer than its input, so every {@link FLAT_CHECK} visits it charges
 * the work (one instruction per 4 visits) and checks both budgets.
 */
function flatCount(vm: VM, el: Elem[], depth: number, budget: { n: number; visits: number }): void {
  for (let i = 0; i < el.length; i++) {
    const v = el[i];
    if (++budget.visits % FLAT_CHECK === 0) {
      vm.reserve(budget.n * SLOT);
      vm.chargeWork(FLAT_CHECK >> 2);
      const limit = vm.limits.instructions;
      if (vm.instructions > limit) throw new LimitError('instructions', limit, vm.instructions, `limit exceeded: instructions (limit ${limit}) in Array.prototype.flat; raise it with limits.instructions`);
    }
    if (v === HOLE) continue;
    if (depth > 0 && flattens(vm, v)) {
      if (v instanceof JSArray) flatCount(vm, v.elements, depth - 1, budget);
    } else budget.n++;
  }
}

function flatInto(vm: VM, out: Elem[], el: Elem[], depth: number): void {
  for (let i = 0; i < el.length; i++) {
    const v = el[i];
    if (v === HOLE) continue;
    if (depth > 0 && flattens(vm, v)) {
      if (v instanceof JSArray) flatInto(vm, out, v.elements, depth - 1);
    } else out.push(v);
  }
}

// ---- installation --------------------------------------------------------------------------

registerInstaller((r: Realm) => {
  const AP = r.ArrayPrototype;
  const prelude = (vm: VM, name: string): JSFunction => {
    const f = vm.realm.prelude[name];
    if (!f) throw new Error(`internal: prelude function ${name} missing`);
    return f;
  };
  /** Tail-calls a prelude function (its result becomes the native's result). */
  const tail = (vm: VM, name: string, thisv: Value, args: Value[]): Value | typeof PUSHED => vm.pushCall(prelude(vm, name), thisv, args, Cont.Normal);
  /** The result of a method that uses ArraySpeciesCreate on `o`, given its elements. */
  const speciesResult = (vm: VM, o: JSObject, out: Elem[]): Value | typeof PUSHED => {
    const arr = vm.newArray(out);
    return needsSpecies(vm, o) ? tail(vm, 'arraySpeciesFrom', undefined, [o, arr]) : arr;
  };

  // ---- constructor ----
  const ArrayCtor = r.ctor(
    'Array',
    1,
    (vm, _t, a, nt) => {
      let proto: JSObject | null = null;
      if (nt instanceof JSObject && nt !== vm.realm.ctors.get('Array')) {
        const p = vm.get(nt, 'prototype');
        proto = p instanceof JSObject ? p : null;
      }
      if (a.length === 1 && typeof a[0] === 'number') {
        const n = a[0];
        if (n >>> 0 !== n) throw new GuestError('RangeError', 'Invalid array length');
        reserveSlots(vm, n);
        const el: Elem[] = new Array(n).fill(HOLE);
        return makeArray(vm, el, proto);
      }
      return makeArray(vm, a.slice(), proto);
    },
    AP,
  );
  r.getter(ArrayCtor, WELL_KNOWN.species, (_vm, t) => t);

  // Array.prototype is an Array exotic object in the spec (a plain object with length 0 here)
  r.method(ArrayCtor, 'isArray', 1, (vm, _t, a) => a[0] instanceof JSArray || a[0] === vm.realm.ArrayPrototype);
  AP.defineOwn('length', 0, Attr.Writable);

  r.method(ArrayCtor, 'of', 0, (vm, t, a) => {
    if (t === ArrayCtor || !isConstructor(t)) return vm.newArray(a.slice());
    return tail(vm, 'arrayOfWith', t, [vm.newArray(a.slice())]);
  });

  r.method(ArrayCtor, 'from', 1, (vm, t, a) => {
    const items = a[0];
    if (a.length <= 1 && (t === ArrayCtor || !isConstructor(t))) {
      // fast paths: arrays with the built-in iteration, strings
      if (items instanceof JSArray && vm.hasDefaultArrayIteration(items)) {
        const el = items.elements;
        reserveSlots(vm, el.length);
        const out: Elem[] = new Array(el.length);
        for (let i = 0; i < el.length; i++) out[i] = el[i] === HOLE ? undefined : el[i];
        return vm.newArray(out);
      }
      if (typeof items === 'string' && vm.lookup(vm.realm.StringPrototype, WELL_KNOWN.iterator) !== HOLE && vm.realm.stringIteratorPristine()) {
        reserveSlots(vm, items.length);
        return vm.newArray(Array.from(items));
      }
    }
    return tail(vm, 'arrayFrom', t, a);
  });

  // ---- Array.prototype: natives ----
  const method = (name: string, length: number, impl: NativeImpl): NativeFunction => {
    let f = LINEAR_WORK.has(name) ? linearCharged(impl) : impl;
    const generic = GETTER_GENERIC.get(name);
    if (generic) f = withGenericFallback(f, generic);
    const numeric = NUMERIC_ARGS.get(name);
    return r.method(AP, name, length, numeric ? numericArgs(name, numeric[0], numeric[1], f) : f);
  };
  /**
   * A read-only method that met a getter defined in script (an array-like's element or
   * length) starts over as its self-hosted generic version: the native has changed nothing
   * and run no script code before the refusal.
   */
  const withGenericFallback = (impl: NativeImpl, generic: string): NativeImpl => (vm, t, a, nt, self) => {
    try {
      return impl(vm, t, a, nt, self);
    } catch (e) {
      if (!(e instanceof GuestCodeNeeded)) throw e;
      return tail(vm, generic, t, a.slice());
    }
  };

  method('at', 1, (vm, t, a) => {
    const o = thisObject(vm, t, 'at');
    const len = lengthOf(vm, o);
    const n = typeof a[0] === 'number' ? toIntegerOrInfinity(a[0]) : toInteger(vm, a[0]);
    const k = n >= 0 ? n : len + n;
    if (k < 0 || k >= len) return undefined;
    return getIndex(vm, o, k);
  });

  method('concat', 1, (vm, t, a) => {
    const o = thisObject(vm, t, 'concat');
    const sources: Value[] = [o, ...a];
    const spreadable: boolean[] = [];
    let total = 0;
    for (const e of sources) {
      let s = false;
      if (e instanceof JSObject) {
        const flag = vm.get(e, WELL_KNOWN.isConcatSpreadable);
        // (IsArray: Array.prototype is an array as well)
        s = flag !== undefined ? toBoolean(flag) : e instanceof JSArray || e === vm.realm.ArrayPrototype;
      }
      spreadable.push(s);
      total += s ? lengthOf(vm, e as JSObject) : 1;
      if (total > MAX_SAFE) throw new GuestError('TypeError', 'Invalid array length');
    }
    reserveSlots(vm, total);
    const out: Elem[] = [];
    for (let j = 0; j < sources.length; j++) {
      const e = sources[j];
      if (!spreadable[j]) {
        out.push(e);
        continue;
      }
      const eo = e as JSObject;
      if (eo instanceof JSArray && eo.proto === vm.realm.ArrayPrototype) {
        const el = eo.elements;
        for (let i = 0; i < el.length; i++) out.push(el[i]);
      } else {
        const len = lengthOf(vm, eo);
        for (let i = 0; i < len; i++) out.push(hasIndex(vm, eo, i) ? getIndex(vm, eo, i) : HOLE);
      }
    }
    return speciesResult(vm, o, out);
  });

  method('copyWithin', 2, (vm, t, a) => {
    const o = thisObject(vm, t, 'copyWithin');
    const len = lengthOf(vm, o);
    let to = relative(vm, a[0], len, 0);
    let from = relative(vm, a[1], len, 0);
    const fin = relative(vm, a[2], len, len);
    let count = Math.min(fin - from, len - to);
    if (count <= 0) return o;
    if (o instanceof JSArray) {
      if (!o.writable) throw readOnly(to);
      const el = o.elements;
      el.copyWithin(to, from, from + count);
      return o;
    }
    let dir = 1;
    if (from < to && to < from + count) {
      dir = -1;
      from += count - 1;
      to += count - 1;
    }
    while (count > 0) {
      if (hasIndex(vm, o, from)) setIndex(vm, o, to, getIndex(vm, o, from));
      else deleteIndex(vm, o, to);
      from += dir;
      to += dir;
      count--;
    }
    return o;
  });

  method('fill', 1, (vm, t, a) => {
    const o = thisObject(vm, t, 'fill');
    const len = lengthOf(vm, o);
    const v = a[0];
    const k = relative(vm, a[1], len, 0);
    const fin = relative(vm, a[2], len, len);
    if (k >= fin) return o;
    if (o instanceof JSArray) {
      if (!o.writable) throw readOnly(k);
      o.elements.fill(v, k, fin);
      return o;
    }
    for (let i = k; i < fin; i++) setIndex(vm, o, i, v);
    return o;
  });

  method('flat', 0, (vm, t, a) => {
    const o = thisObject(vm, t, 'flat');
    const len = lengthOf(vm, o);
    let depth = 1;
    if (a[0] !== undefined) {
      depth = typeof a[0] === 'number' ? toIntegerOrInfinity(a[0]) : toInteger(vm, a[0]);
      if (depth < 0) depth = 0;
    }
    let src: Elem[];
    if (o instanceof JSArray) src = o.elements;
    else {
      // only the elements present: holes are skipped anyway, and a sparse array-like's length
      // (up to 2^53 - 1) is no allocation the host should make
      src = [];
      for (let i = 0; i < len; i++) if (hasIndex(vm, o, i)) src.push(getIndex(vm, o, i));
    }
    const budget = { n: 0, visits: 0 };
    flatCount(vm, src, depth, budget);
    reserveSlots(vm, budget.n);
    const out: Elem[] = [];
    flatInto(vm, out, src, depth);
    return speciesResult(vm, o, out);
  });

  const includes = method('includes', 1, (vm, t, a) => {
    const o = thisObject(vm, t, 'includes');
    const len = lengthOf(vm, o);
    if (len === 0) return false;
    let k = relative(vm, a[1], len, 0);
    const x = a[0];
    if (o instanceof JSArray) {
      const el = o.elements;
      const n = Math.min(len, el.length);
      if (x === undefined) {
        for (; k < n; k++) if (el[k] === undefined || el[k] === HOLE) return true;
        return k < len;
      }
      if (x !== x) {
        for (; k < n; k++) if (el[k] !== el[k]) return true;
        return false;
      }
      return el.indexOf(x, k) >= 0;
    }
    for (; k < len; k++) if (sameValueZero(getIndex(vm, o, k), x)) return true;
    return false;
  });
  void includes;

  method('indexOf', 1, (vm, t, a) => {
    const o = thisObject(vm, t, 'indexOf');
    const len = lengthOf(vm, o);
    if (len === 0) return -1;
    let k = relative(vm, a[1], len, 0);
    const x = a[0];
    if (o instanceof JSArray) {
      if (x === undefined) {
        const el = o.elements;
        for (; k < len; k++) if (el[k] === undefined) return k;
        return -1;
      }
      return o.elements.indexOf(x, k);
    }
    for (; k < len; k++) if (hasIndex(vm, o, k) && getIndex(vm, o, k) === x) return k;
    return -1;
  });

  method('lastIndexOf', 1, (vm, t, a) => {
    const o = thisObject(vm, t, 'lastIndexOf');
    const len = lengthOf(vm, o);
    if (len === 0) return -1;
    let k = len - 1;
    if (a.length > 1) {
      const n = typeof a[1] === 'number' ? toIntegerOrInfinity(a[1]) : toInteger(vm, a[1]);
      k = n >= 0 ? Math.min(n, len - 1) : len + n;
    }
    const x = a[0];
    if (o instanceof JSArray) {
      const el = o.elements;
      for (; k >= 0; k--) if (el[k] === x && (x !== undefined || k < el.length)) return k;
      return -1;
    }
    for (; k >= 0; k--) if (hasIndex(vm, o, k) && getIndex(vm, o, k) === x) return k;
    return -1;
  });

  const join = method('join', 1, (vm, t, a) => {
    const o = thisObject(vm, t, 'join');
    let sep = ',';
    if (a[0] !== undefined) {
      if (a[0] instanceof JSObject) {
        const p = vm.toPrimitiveNative(a[0], 'string');
        if (p === HOLE) return tail(vm, 'arrayJoinSlow', o, a);
        sep = primToString(p as Value);
      } else sep = primToString(a[0]);
    }
    const s = joinNative(vm, o, sep);
    if (s === NEEDS_GUEST) return tail(vm, 'arrayJoinSlow', o, [sep]);
    return s;
  });
  joinNativeId = join.nativeId;

  method('pop', 0, (vm, t) => {
    const o = thisObject(vm, t, 'pop');
    if (o instanceof JSArray && o.writable) {
      const el = o.elements;
      if (el.length === 0) return undefined;
      const v = el.pop()!;
      if (v !== HOLE) return v as Value;
      return o.proto === vm.realm.ArrayPrototype ? undefined : vm.get(o, String(el.length));
    }
    const len = lengthOf(vm, o);
    if (len === 0) {
      setLength(vm, o, 0);
      return undefined;
    }
    const v = getIndex(vm, o, len - 1);
    deleteIndex(vm, o, len - 1);
    setLength(vm, o, len - 1);
    return v;
  });

  method('push', 1, (vm, t, a) => {
    if (t instanceof JSArray && t.writable && t.extensible) {
      // element storage is accounted like an appending store (heap bytes, not an allocation)
      const el = t.elements;
      const n = a.length;
      if (el.length + n > MAX_ARRAY) throw new GuestError('RangeError', 'Invalid array length');
      for (let i = 0; i < n; i++) vm.arraySet(t, el.length, a[i]);
      return el.length;
    }
    const o = thisObject(vm, t, 'push');
    const len = lengthOf(vm, o);
    if (len + a.length > MAX_SAFE) throw new GuestError('TypeError', `Pushing ${a.length} elements on an array-like of length ${len} is disallowed, as the total surpasses 2**53-1`);
    if (o instanceof JSArray) {
      if (a.length === 0) {
        setLength(vm, o, len);
        return len;
      }
      throw notExtensible(len);
    }
    for (let i = 0; i < a.length; i++) setIndex(vm, o, len + i, a[i]);
    setLength(vm, o, len + a.length);
    return len + a.length;
  });

  method('reverse', 0, (vm, t) => {
    const o = thisObject(vm, t, 'reverse');
    const len = lengthOf(vm, o);
    if (o instanceof JSArray) {
      if (len > 1) {
        if (!o.writable) throw readOnly(0);
        o.elements.reverse();
      }
      return o;
    }
    for (let lower = 0, upper = len - 1; lower < upper; lower++, upper--) {
      const lh = hasIndex(vm, o, lower);
      const lv = lh ? getIndex(vm, o, lower) : undefined;
      const uh = hasIndex(vm, o, upper);
      const uv = uh ? getIndex(vm, o, upper) : undefined;
      if (uh) setIndex(vm, o, lower, uv);
      else if (lh) deleteIndex(vm, o, lower);
      if (lh) setIndex(vm, o, upper, lv);
      else if (uh) deleteIndex(vm, o, upper);
    }
    return o;
  });

  method('shift', 0, (vm, t) => {
    const o = thisObject(vm, t, 'shift');
    if (o instanceof JSArray && o.writable) {
      const el = o.elements;
      if (el.length === 0) return undefined;
      const v = el.shift()!;
      return v === HOLE ? undefined : (v as Value);
    }
    const len = lengthOf(vm, o);
    if (len === 0) {
      setLength(vm, o, 0);
      return undefined;
    }
    if (o instanceof JSArray) throw readOnly(0);
    const first = getIndex(vm, o, 0);
    for (let k = 1; k < len; k++) {
      if (hasIndex(vm, o, k)) setIndex(vm, o, k - 1, getIndex(vm, o, k));
      else deleteIndex(vm, o, k - 1);
    }
    deleteIndex(vm, o, len - 1);
    setLength(vm, o, len - 1);
    return first;
  });

  method('unshift', 1, (vm, t, a) => {
    const o = thisObject(vm, t, 'unshift');
    const len = lengthOf(vm, o);
    const n = a.length;
    if (o instanceof JSArray) {
      if (n === 0) {
        setLength(vm, o, len);
        return len;
      }
      if (!o.writable || !o.extensible) throw notExtensible(len + n - 1);
      if (len + n > MAX_ARRAY) throw new GuestError('RangeError', 'Invalid array length');
      vm.reserve(n * SLOT);
      o.elements.unshift(...a);
      vm.charge(len + n * SLOT);
      return len + n;
    }
    if (len + n > MAX_SAFE) throw new GuestError('TypeError', 'Invalid array length');
    if (n > 0) {
      for (let k = len; k > 0; k--) {
        if (hasIndex(vm, o, k - 1)) setIndex(vm, o, k + n - 1, getIndex(vm, o, k - 1));
        else deleteIndex(vm, o, k + n - 1);
      }
      for (let j = 0; j < n; j++) setIndex(vm, o, j, a[j]);
    }
    setLength(vm, o, len + n);
    return len + n;
  });

  method('slice', 2, (vm, t, a) => {
    const o = thisObject(vm, t, 'slice');
    const len = lengthOf(vm, o);
    const k = relative(vm, a[0], len, 0);
    const fin = relative(vm, a[1], len, len);
    const count = fin > k ? fin - k : 0;
    reserveSlots(vm, count);
    if (o instanceof JSArray) return speciesResult(vm, o, o.elements.slice(k, k + count));
    const out: Elem[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = hasIndex(vm, o, k + i) ? getIndex(vm, o, k + i) : HOLE;
    return speciesResult(vm, o, out);
  });

  method('splice', 2, (vm, t, a) => {
    const o = thisObject(vm, t, 'splice');
    const len = lengthOf(vm, o);
    const start = relative(vm, a[0], len, 0);
    let del: number;
    if (a.length === 0) del = 0;
    else if (a.length === 1) del = len - start;
    else {
      const dc = typeof a[1] === 'number' ? toIntegerOrInfinity(a[1]) : toInteger(vm, a[1]);
      del = Math.min(Math.max(dc, 0), len - start);
    }
    const items = a.length > 2 ? a.slice(2) : [];
    if (len + items.length - del > MAX_SAFE) throw new GuestError('TypeError', 'Invalid array length');
    if (o instanceof JSArray) {
      if (!o.writable) {
        if (del === 0 && items.length === 0) throw readOnly('length');
        throw readOnly(start);
      }
      if (items.length > del) {
        if (!o.extensible) throw notExtensible(len);
        if (len + items.length - del > MAX_ARRAY) throw new GuestError('RangeError', 'Invalid array length');
        vm.reserve((items.length - del) * SLOT);
      }
      reserveSlots(vm, del);
      const removed = o.elements.splice(start, del, ...items);
      vm.charge(len - start);
      return speciesResult(vm, o, removed);
    }
    const removed: Elem[] = new Array(del);
    for (let i = 0; i < del; i++) removed[i] = hasIndex(vm, o, start + i) ? getIndex(vm, o, start + i) : HOLE;
    const n = items.length;
    if (n < del) {
      for (let k = start; k < len - del; k++) {
        if (hasIndex(vm, o, k + del)) setIndex(vm, o, k + n, getIndex(vm, o, k + del));
        else deleteIndex(vm, o, k + n);
      }
      for (let k = len; k > len - del + n; k--) deleteIndex(vm, o, k - 1);
    } else if (n > del) {
      for (let k = len - del; k > start; k--) {
        if (hasIndex(vm, o, k + del - 1)) setIndex(vm, o, k + n - 1, getIndex(vm, o, k + del - 1));
        else deleteIndex(vm, o, k + n - 1);
      }
    }
    for (let i = 0; i < n; i++) setIndex(vm, o, start + i, items[i]);
    setLength(vm, o, len - del + n);
    return speciesResult(vm, o, removed);
  });

  const toStr = method('toString', 0, (vm, t) => {
    const o = thisObject(vm, t, 'toString');
    const j = vm.lookup(o, 'join');
    if (j instanceof NativeFunction && j.nativeId === joinNativeId) {
      const s = joinNative(vm, o, ',');
      if (s === NEEDS_GUEST) return tail(vm, 'arrayJoinSlow', o, [',']);
      return s;
    }
    if (j === HOLE || !isCallable(j as Value)) {
      const ts = vm.lookup(vm.realm.ObjectPrototype, 'toString');
      return vm.callSync(ts as JSObject, o, []);
    }
    return vm.pushCall(j as JSObject, o, [], Cont.Normal);
  });
  toStringNativeId = toStr.nativeId;
  r.guestDependentNatives.add(toStr.nativeId);

  // ---- copying variants ----
  method('toReversed', 0, (vm, t) => {
    const o = thisObject(vm, t, 'toReversed');
    const len = lengthOf(vm, o);
    reserveSlots(vm, len);
    const out: Elem[] = new Array(len);
    for (let i = 0; i < len; i++) out[i] = getIndex(vm, o, len - 1 - i);
    return vm.newArray(out);
  });

  method('toSpliced', 2, (vm, t, a) => {
    const o = thisObject(vm, t, 'toSpliced');
    const len = lengthOf(vm, o);
    const start = relative(vm, a[0], len, 0);
    let skip: number;
    if (a.length === 0) skip = 0;
    else if (a.length === 1) skip = len - start;
    else {
      const dc = typeof a[1] === 'number' ? toIntegerOrInfinity(a[1]) : toInteger(vm, a[1]);
      skip = Math.min(Math.max(dc, 0), len - start);
    }
    const items = a.length > 2 ? a.slice(2) : [];
    const newLen = len + items.length - skip;
    if (newLen > MAX_SAFE) throw new GuestError('TypeError', 'Invalid array length');
    reserveSlots(vm, newLen);
    const out: Elem[] = [];
    for (let i = 0; i < start; i++) out.push(getIndex(vm, o, i));
    for (const v of items) out.push(v);
    for (let i = start + skip; i < len; i++) out.push(getIndex(vm, o, i));
    return vm.newArray(out);
  });

  method('with', 2, (vm, t, a) => {
    const o = thisObject(vm, t, 'with');
    const len = lengthOf(vm, o);
    const rel = typeof a[0] === 'number' ? toIntegerOrInfinity(a[0]) : toInteger(vm, a[0]);
    const idx = rel >= 0 ? rel : len + rel;
    if (idx >= len || idx < 0) throw new GuestError('RangeError', `Invalid index : ${vm.describe(a[0])}`);
    reserveSlots(vm, len);
    const out: Elem[] = new Array(len);
    for (let i = 0; i < len; i++) out[i] = i === idx ? a[1] : getIndex(vm, o, i);
    return vm.newArray(out);
  });

  // ---- sort ----
  const sortCheck = (vm: VM, cmp: Value): void => {
    if (cmp !== undefined && !isCallable(cmp)) throw new GuestError('TypeError', 'The comparison function must be either a function or undefined');
    void vm;
  };

  method('sort', 1, (vm, t, a) => {
    const cmp = a[0];
    sortCheck(vm, cmp);
    const o = thisObject(vm, t, 'sort');
    if (!(o instanceof JSArray) || o.proto !== vm.realm.ArrayPrototype) return tail(vm, 'arraySortGeneric', o, [cmp]);
    if (cmp !== undefined) return tail(vm, 'arraySortWith', o, [cmp]);
    const { items, undefs, holes } = sortCollect(o.elements);
    if (!o.writable && items.length + undefs > 0) throw readOnly(0);
    const sorted = defaultSorted(vm, items);
    if (sorted === null) return tail(vm, 'arraySortWith', o, [undefined]);
    sortWriteBack(vm, o, sorted, undefs, holes);
    return o;
  });

  method('toSorted', 1, (vm, t, a) => {
    const cmp = a[0];
    sortCheck(vm, cmp);
    const o = thisObject(vm, t, 'toSorted');
    const len = lengthOf(vm, o);
    reserveSlots(vm, len);
    const copy: Elem[] = new Array(len);
    for (let i = 0; i < len; i++) copy[i] = getIndex(vm, o, i);
    const out = vm.newArray(copy);
    if (cmp !== undefined) return tail(vm, 'arraySortWith', out, [cmp]);
    const { items, undefs, holes } = sortCollect(copy);
    const sorted = defaultSorted(vm, items);
    if (sorted === null) return tail(vm, 'arraySortWith', out, [undefined]);
    sortWriteBack(vm, out, sorted, undefs, holes);
    return out;
  });

  // ---- Array.prototype: self-hosted (callbacks) ----
  const selfHosted: [string, string][] = [
    ['every', 'arrayEvery'],
    ['filter', 'arrayFilter'],
    ['find', 'arrayFind'],
    ['findIndex', 'arrayFindIndex'],
    ['findLast', 'arrayFindLast'],
    ['findLastIndex', 'arrayFindLastIndex'],
    ['flatMap', 'arrayFlatMap'],
    ['forEach', 'arrayForEach'],
    ['map', 'arrayMap'],
    ['reduce', 'arrayReduce'],
    ['reduceRight', 'arrayReduceRight'],
    ['some', 'arraySome'],
    ['toLocaleString', 'arrayToLocaleString'],
  ];
  for (const [name, fn] of selfHosted) r.selfHosted(AP, name, fn);

  // Symbol.unscopables
  const unscopables = new JSObject(null, Cls.Object, r.rootShape(null));
  for (const k of ['at', 'copyWithin', 'entries', 'fill', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flat', 'flatMap', 'includes', 'keys', 'toReversed', 'toSorted', 'toSpliced', 'values']) {
    unscopables.defineOwn(k, true, Attr.Default);
  }
  AP.defineOwn(WELL_KNOWN.unscopables, unscopables, Attr.Configurable);

  // ---- internals for the prelude ($.arrayXxx) ----
  r.internal('arrayThis', 2, (vm, _t, a) => thisObject(vm, a[0], a[1] as string));
  r.internal('arrayNotFn', 1, (vm, _t, a) => {
    throw new GuestError('TypeError', `${vm.describe(a[0])} is not a function`);
  });
  r.internal('arrayIsArray', 1, (vm, _t, a) => a[0] instanceof JSArray || a[0] === vm.realm.ArrayPrototype);
  r.internal('arrayIsConstructor', 1, (_vm, _t, a) => isConstructor(a[0]));
  /** A new array of `n` holes. */
  r.internal('arrayCreate', 1, (vm, _t, a) => {
    const n = a[0] as number;
    if (n >>> 0 !== n) throw new GuestError('RangeError', 'Invalid array length');
    reserveSlots(vm, n);
    return vm.newArray(new Array(n).fill(HOLE));
  });
  /** True when ArraySpeciesCreate(o, n) is a plain ArrayCreate(n) (no guest code involved). */
  r.internal('arrayPlainSpecies', 1, (vm, _t, a) => {
    const o = a[0];
    if (!(o instanceof JSArray)) return true;
    if (o.proto === vm.realm.ArrayPrototype && o.shape === vm.realm.arrayShape) return true;
    const c = vm.lookup(o, 'constructor');
    return c === ArrayCtor;
  });
  const boundId = nativeIdByName('%BoundFunction%');
  /** fn bound to thisArg (callbacks with a thisArg are called through it). */
  r.internal('arrayBindThis', 2, (vm, _t, a) => {
    const target = a[0] as JSObject;
    if (boundId === undefined) throw new Error('internal: bound functions unavailable');
    const b = new NativeFunction(vm.realm.FunctionPrototype, boundId, new BoundData(target, a[1], []), false);
    b.shape = vm.realm.functionShape(vm.realm.FunctionPrototype);
    b.pushSlot(0);
    b.pushSlot('bound');
    vm.charge(96);
    return b;
  });
  /** Appends the elements of array `src` (holes skipped) to `dst` at k; returns the new k. */
  r.internal('arrayAppend', 3, (vm, _t, a) => {
    const dst = a[0] as JSObject;
    const src = a[1];
    let k = a[2] as number;
    if (!(src instanceof JSArray)) return k; // Array.prototype: an empty array
    const el = src.elements;
    if (dst instanceof JSArray && dst.writable && dst.elements.length === k && dst.extensible) {
      vm.reserve(el.length * SLOT);
      const out = dst.elements;
      for (let i = 0; i < el.length; i++) if (el[i] !== HOLE) out.push(el[i]);
      vm.charge(el.length * SLOT);
      return out.length;
    }
    for (let i = 0; i < el.length; i++) if (el[i] !== HOLE) vm.defineData(dst, String(k++), el[i] as Value);
    return k;
  });
  /** Sort input of a real array: [items (no holes/undefined), undefined count]. */
  r.internal('arraySortCollect', 1, (vm, _t, a) => {
    const o = a[0] as JSArray;
    const { items, undefs } = sortCollect(o.elements);
    reserveSlots(vm, items.length);
    return vm.newArray([vm.newArray(items), undefs]);
  });
  /** Writes sorted items back into a real array: items, undefineds, then holes up to len. */
  r.internal('arraySortWriteBack', 4, (vm, _t, a) => {
    const o = a[0] as JSArray;
    const items = (a[1] as JSArray).elements as Value[];
    const undefs = a[2] as number;
    const len = a[3] as number;
    if (!o.writable && items.length + undefs > 0) throw readOnly(0);
    const n = Math.max(len, o.elements.length);
    if (o.elements.length < len) reserveSlots(vm, len - o.elements.length);
    const el = o.elements;
    let k = 0;
    for (let i = 0; i < items.length; i++) el[k++] = items[i];
    for (let i = 0; i < undefs; i++) el[k++] = undefined;
    for (; k < len; k++) el[k] = HOLE;
    void n;
    return o;
  });
  /** The comparator sort's state machine (see sortStep). */
  r.internal('arraySortStart', 1, (vm, _t, a) => sortStart(vm, a[0] as JSArray));
  r.internal('arraySortStep', 3, (vm, _t, a) => {
    const st = a[0] as JSArray;
    st.elements[S.Cmp] = a[2];
    return sortNext(vm, st, a[1] as number);
  });
  /** Marks `o` as being joined; true when it already is (a cycle: join gives ''). */
  r.internal('arrayJoinEnter', 1, (vm, _t, a) => {
    const s = joinSet(vm);
    const o = a[0] as JSObject;
    if (s.has(o)) return true;
    s.add(o);
    return false;
  });
  r.internal('arrayJoinExit', 1, (vm, _t, a) => {
    joinSet(vm).delete(a[0] as JSObject);
    return undefined;
  });
  void toPrimitive;
  void JSPrimitiveObject;
});

export type { PropertyKey };
