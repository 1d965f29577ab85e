/**
 * Map and Set on {@link JSCollection}: an insertion-ordered table (`keys`, `values` for maps,
 * `index` from key to slot; the host Map implements SameValueZero, and -0 keys are stored
 * as +0). Deleting leaves a `HOLE` tombstone so live iterators keep their place.
 *
 * Iterators (`JSIterator`: target collection, `pos`) hold a *logical* position: the number of
 * entries ever appended before the next one to visit. Entry p's logical position is
 * `base + p`, or `seqs[p]` after a compaction removed tombstones from the middle. Because
 * positions are logical, compaction is always safe: an iterator finds the first live entry
 * at or after its position (entries appended during iteration are visited, deleted ones are
 * skipped, and after `clear()` an unfinished iterator continues with entries added later —
 * V8's behaviour). Tables are compacted when more than half of the slots are tombstones.
 *
 * Constructors fill from arrays (of pairs), maps and sets natively; other iterables, a
 * subclass's overridden `set`/`add`, and `forEach` callbacks run in the prelude.
 */
import { Accessor, Cls, IterKind, JSArray, JSCollection, JSIterator, JSObject, NativeFunction, isCallable, slotAt } from '../objects';
import { addPreludeModule } from '../prelude/index';
import { Attr } from '../shape';
import { GSymbol, HOLE, WELL_KNOWN, type Marker, type Value } from '../value';
import { Cont } from '../vm/frame';
import type { VM } from '../vm/interpreter';
import { markScratchArgs } from '../vm/natives';
import { registerInstaller, type Realm } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { typeText } from '../destructure';
import { COLLECTION_BYTES, ENTRY_BYTES } from '../vm/heapcost';
import { placeholder, protoFor, reorderProperties } from './convert';
import { constructorName, receiverText } from './util';

declare module '../objects' {
  interface JSCollection {
    /** Logical position of slot 0 (slots before it were compacted away). Absent: 0. */
    base?: number;
    /** After a compaction that removed tombstones between live entries: each slot's logical position. */
    seqs?: number[] | null;
    /** With `seqs`: the logical position of the next appended entry. */
    nextSeq?: number;
  }
}

function newCollection(vm: VM, proto: JSObject, cls: Cls): JSCollection {
  vm.charge(COLLECTION_BYTES);
  const c = new JSCollection(proto, cls, vm.realm.rootShape(proto));
  return c;
}

/** A Map/Set iterator. Its shape must be its prototype's root shape: property caches key on
 * shapes, so a shared default shape would let a Set iterator hit a Map iterator's cache entry. */
function newIterator(vm: VM, proto: JSObject, c: JSCollection, kind: IterKind): JSIterator {
  vm.charge(48);
  const it = new JSIterator(proto, c, kind);
  it.shape = vm.realm.rootShape(proto);
  return it;
}

/** The logical position the next appended entry gets. */
function logicalEnd(c: JSCollection): number {
  return c.seqs ? c.nextSeq! : (c.base ?? 0) + c.keys.length;
}

export function collectionSet(vm: VM, c: JSCollection, k: Value, v: Value): void {
  const i = c.index.get(k);
  if (i !== undefined) {
    c.values[i] = v;
    return;
  }
  if (k === 0) k = 0; // -0 → +0
  vm.charge(ENTRY_BYTES);
  if (c.seqs) c.seqs.push(c.nextSeq!++);
  c.index.set(k, c.keys.length);
  c.keys.push(k);
  c.values.push(v);
  c.size++;
}

export function collectionAdd(vm: VM, c: JSCollection, k: Value): void {
  if (c.index.has(k)) return;
  if (k === 0) k = 0;
  vm.charge(ENTRY_BYTES);
  if (c.seqs) c.seqs.push(c.nextSeq!++);
  c.index.set(k, c.keys.length);
  c.keys.push(k);
  c.size++;
}

export function collectionDelete(c: JSCollection, k: Value): boolean {
  const i = c.index.get(k);
  if (i === undefined) return false;
  c.index.delete(k);
  c.keys[i] = HOLE;
  if (c.cls === Cls.Map) c.values[i] = undefined;
  c.size--;
  const holes = c.keys.length - c.size;
  if (holes >= 32 && holes > c.size) compact(c);
  return true;
}

export function collectionClear(c: JSCollection): void {
  c.base = logicalEnd(c);
  c.seqs = null;
  c.keys = [];
  c.values = [];
  c.index.clear();
  c.size = 0;
}

/** Removes tombstones, recording logical positions so iterators stay valid. (Amortised O(1)
 * per delete: it runs when more than half the slots are tombstones.) */
function compact(c: JSCollection): void {
  if (c.size === 0) {
    collectionClear(c);
    return;
  }
  const isMap = c.cls === Cls.Map;
  const keys = c.keys;
  const values = c.values;
  const base = c.base ?? 0;
  const oldSeqs = c.seqs;
  const end = logicalEnd(c);
  const nk: (Value | Marker)[] = [];
  const nv: Value[] = [];
  const ns: number[] = [];
  c.index.clear();
  for (let p = 0; p < keys.length; p++) {
    const k = keys[p];
    if (k === HOLE) continue;
    c.index.set(k as Value, nk.length);
    nk.push(k);
    if (isMap) nv.push(values[p]);
    ns.push(oldSeqs ? oldSeqs[p] : base + p);
  }
  c.keys = nk;
  c.values = nv;
  if (ns[ns.length - 1] - ns[0] === ns.length - 1 && ns[ns.length - 1] === end - 1) {
    // contiguous up to the end: an offset suffices
    c.base = ns[0];
    c.seqs = null;
  } else {
    c.base = 0;
    c.seqs = ns;
    c.nextSeq = end;
  }
}


/** One step of a Map/Set iterator: the value, or HOLE when done. */
function collectionStep(vm: VM, it: JSIterator): Value | typeof HOLE {
  const c = it.target as JSCollection;
  const keys = c.keys;
  const n = keys.length;
  let p = slotAt(c, it.pos);
  while (p < n && keys[p] === HOLE) p++;
  if (p >= n) {
    it.done = true;
    return HOLE;
  }
  it.pos = (c.seqs ? c.seqs[p] : (c.base ?? 0) + p) + 1;
  const k = keys[p] as Value;
  switch (it.kind) {
    case IterKind.Keys:
      return k;
    case IterKind.Values:
      return c.cls === Cls.Map ? c.values[p] : k;
    default:
      return vm.newArray([k, c.cls === Cls.Map ? c.values[p] : k]);
  }
}

function entryText(v: Value): string {
  if (v instanceof GSymbol) return `Symbol(${v.description ?? ''})`;
  return String(v);
}

addPreludeModule({
  exports: ['collMapFill', 'collSetFill', 'collMapForEach', 'collSetForEach', 'collMapGroupBy'],
  source: String.raw`
function collMapFill(map, iterable, adder) {
  if (adder === undefined) {
    adder = map.set;
    if (typeof adder !== 'function') $.collBadAdder(map, adder, 'set');
  }
  for (const e of iterable) {
    if (!$.isObject(e)) $.collNotEntry(e);
    $.call(adder, map, e[0], e[1]);
  }
  return map;
}
function collSetFill(set, iterable, adder) {
  if (adder === undefined) {
    adder = set.add;
    if (typeof adder !== 'function') $.collBadAdder(set, adder, 'add');
  }
  for (const v of iterable) $.call(adder, set, v);
  return set;
}
function collMapForEach(callback, ...rest) {
  const thisArg = rest[0];
  const it = $.collIterFor(this, true, 'forEach', callback);
  for (const k of it) $.call(callback, thisArg, $.collValueOf(this, k), k, this);
}
function collSetForEach(callback, ...rest) {
  const thisArg = rest[0];
  const it = $.collIterFor(this, false, 'forEach', callback);
  for (const k of it) $.call(callback, thisArg, k, k, this);
}
function collMapGroupBy(items, callback) {
  $.collRequireIterable(items);
  $.collRequireCallable(callback);
  const map = new Map();
  let i = 0;
  for (const v of items) {
    const k = $.call(callback, undefined, v, i++);
    const list = $.collValueOf(map, k);
    if (list === undefined) $.collPut(map, k, [v]);
    else $.arrayPush(list, v);
  }
  return map;
}
`,
});

registerInstaller((r: Realm) => {
  const MP = r.MapPrototype;
  const SP = r.SetPrototype;
  r.collectionStep = collectionStep;

  const thisColl = (vm: VM, t: Value, cls: Cls, method: string): JSCollection => {
    if (t instanceof JSCollection && t.cls === cls) return t;
    throw new GuestError('TypeError', `Method ${cls === Cls.Map ? 'Map' : 'Set'}.prototype.${method} called on incompatible receiver ${receiverText(vm, t)}`);
  };
  const requireIterable = (vm: VM, v: Value): Value => {
    const m = v instanceof JSObject ? vm.lookup(v, WELL_KNOWN.iterator) : v === null || v === undefined ? HOLE : vm.lookup(vm.protoOfPrimitive(v), WELL_KNOWN.iterator);
    if (m === HOLE || m === undefined || m === null || (!(m instanceof Accessor) && !isCallable(m as Value))) {
      throw new GuestError('TypeError', `${typeText(v)} is not iterable (cannot read property Symbol(Symbol.iterator))`);
    }
    return m as Value;
  };
  const requireCallable = (v: Value): void => {
    if (!isCallable(v)) throw new GuestError('TypeError', `${typeText(v)} is not a function`);
  };

  const badAdder = (vm: VM, target: JSObject, adder: Value, name: string): never => {
    const text = adder instanceof JSObject ? receiverText(vm, adder) : entryText(adder);
    throw new GuestError('TypeError', `'${text}' returned for property '${name}' of object '#<${constructorName(vm, target)}>' is not a function`);
  };
  r.internal('collBadAdder', 3, (vm, _t, a) => badAdder(vm, a[0] as JSObject, a[1], a[2] as string));

  // ---- prelude internals ----
  r.internal('collNotEntry', 1, (_vm, _t, a) => {
    throw new GuestError('TypeError', `Iterator value ${entryText(a[0])} is not an entry object`);
  });
  r.internal('collIterFor', 4, (vm, _t, a) => {
    const isMap = a[1] === true;
    const c = thisColl(vm, a[0], isMap ? Cls.Map : Cls.Set, a[2] as string);
    requireCallable(a[3]);
    return newIterator(vm, isMap ? vm.realm.MapIteratorPrototype : vm.realm.SetIteratorPrototype, c, IterKind.Keys);
  });
  r.internal('collValueOf', 2, (_vm, _t, a) => {
    const c = a[0] as JSCollection;
    const i = c.index.get(a[1]);
    return i === undefined ? undefined : c.values[i];
  });
  r.internal('collPut', 3, (vm, _t, a) => {
    collectionSet(vm, a[0] as JSCollection, a[1], a[2]);
    return undefined;
  });
  r.internal('collRequireIterable', 1, (vm, _t, a) => {
    requireIterable(vm, a[0]);
    return undefined;
  });
  r.internal('collRequireCallable', 1, (_vm, _t, a) => {
    requireCallable(a[0]);
    return undefined;
  });

  // ---- Map ----
  let mapSet: NativeFunction;
  let setAdd: NativeFunction;
  let mapEntries: NativeFunction;
  let setValues: NativeFunction;

  /** A built-in Map/Set whose iteration is the default one (so it can be copied natively). */
  const pristine = (vm: VM, v: Value, cls: Cls): v is JSCollection => {
    if (!(v instanceof JSCollection) || v.cls !== cls) return false;
    return vm.lookup(v, WELL_KNOWN.iterator) === (cls === Cls.Map ? mapEntries : setValues);
  };

  const M = r.ctor(
    'Map',
    0,
    (vm, _t, a, nt) => {
      if (nt === undefined) throw new GuestError('TypeError', "Constructor Map requires 'new'");
      const m = newCollection(vm, protoFor(vm, nt, vm.realm.MapPrototype), Cls.Map);
      const src = a[0];
      if (src === undefined || src === null) return m;
      const adder = vm.lookup(m, 'set');
      if (adder !== mapSet) {
        // a getter for `set` runs in the prelude (undefined adder: read it there)
        if (!(adder instanceof Accessor) && !isCallable(adder as Value)) badAdder(vm, m, adder === HOLE ? undefined : (adder as Value), 'set');
        requireIterable(vm, src);
        return vm.pushCall(vm.realm.prelude.collMapFill, undefined, [m, src, adder instanceof Accessor ? undefined : (adder as Value)], Cont.Normal);
      }
      if (src instanceof JSArray && vm.hasDefaultArrayIteration(src)) {
        const el = src.elements;
        vm.chargeWork(el.length);
        let ok = true;
        for (let i = 0; i < el.length; i++) {
          const e = el[i];
          if (!(e instanceof JSArray)) {
            // another kind of object may have guest getters for "0"/"1": let the prelude read it
            if (e instanceof JSObject) {
              ok = false;
              break;
            }
            throw new GuestError('TypeError', `Iterator value ${entryText(e === HOLE ? undefined : (e as Value))} is not an entry object`);
          }
        }
        if (ok) {
          for (let i = 0; i < el.length; i++) {
            const pair = (el[i] as JSArray).elements;
            const k = pair.length > 0 ? pair[0] : undefined;
            const v = pair.length > 1 ? pair[1] : undefined;
            collectionSet(vm, m, k === HOLE ? undefined : (k as Value), v === HOLE ? undefined : (v as Value));
          }
          return m;
        }
      } else if (pristine(vm, src, Cls.Map)) {
        const keys = src.keys;
        vm.chargeWork(keys.length);
        for (let i = 0; i < keys.length; i++) if (keys[i] !== HOLE) collectionSet(vm, m, keys[i] as Value, src.values[i]);
        return m;
      }
      requireIterable(vm, src);
      return vm.pushCall(vm.realm.prelude.collMapFill, undefined, [m, src, mapSet], Cont.Normal);
    },
    MP,
  );
  r.selfHosted(M, 'groupBy', 'collMapGroupBy');
  r.getter(M, WELL_KNOWN.species, (_vm, t) => t);

  // (these read their arguments and keep none: they take the interpreter's reused argument arrays)
  markScratchArgs(
    r.method(MP, 'get', 1, (vm, t, a) => {
      const c = thisColl(vm, t, Cls.Map, 'get');
      const i = c.index.get(a[0]);
      return i === undefined ? undefined : c.values[i];
    }),
  );
  mapSet = r.method(MP, 'set', 2, (vm, t, a) => {
    collectionSet(vm, thisColl(vm, t, Cls.Map, 'set'), a[0], a[1]);
    return t;
  });
  markScratchArgs(mapSet);
  markScratchArgs(r.method(MP, 'has', 1, (vm, t, a) => thisColl(vm, t, Cls.Map, 'has').index.has(a[0])));
  markScratchArgs(r.method(MP, 'delete', 1, (vm, t, a) => collectionDelete(thisColl(vm, t, Cls.Map, 'delete'), a[0])));
  r.method(MP, 'clear', 0, (vm, t) => {
    collectionClear(thisColl(vm, t, Cls.Map, 'clear'));
    return undefined;
  });
  const iter = (proto: JSObject, cls: Cls, kind: IterKind, method: string) => (vm: VM, t: Value) => {
    const c = thisColl(vm, t, cls, method);
    return newIterator(vm, proto, c, kind);
  };
  mapEntries = r.method(MP, 'entries', 0, iter(r.MapIteratorPrototype, Cls.Map, IterKind.Entries, 'entries'));
  placeholder(MP, 'forEach');
  r.selfHosted(MP, 'forEach', 'collMapForEach');
  r.method(MP, 'keys', 0, iter(r.MapIteratorPrototype, Cls.Map, IterKind.Keys, 'keys'));
  r.getter(MP, 'size', (vm, t) => {
    if (t instanceof JSCollection && t.cls === Cls.Map) return t.size;
    throw new GuestError('TypeError', `Method get Map.prototype.size called on incompatible receiver ${receiverText(vm, t)}`);
  });
  r.method(MP, 'values', 0, iter(r.MapIteratorPrototype, Cls.Map, IterKind.Values, 'values'));
  // (V8's order: the tag, then the iterator)
  MP.defineOwn(WELL_KNOWN.toStringTag, 'Map', Attr.Configurable);
  MP.defineOwn(WELL_KNOWN.iterator, mapEntries, Attr.Hidden);
  reorderProperties(MP, ['constructor', 'get', 'set', 'has', 'delete', 'clear', 'entries', 'forEach', 'keys', 'size', 'values']);
  r.getter(M, WELL_KNOWN.species, (_vm, t) => t);

  // ---- Set ----
  const S = r.ctor(
    'Set',
    0,
    (vm, _t, a, nt) => {
      if (nt === undefined) throw new GuestError('TypeError', "Constructor Set requires 'new'");
      const s = newCollection(vm, protoFor(vm, nt, vm.realm.SetPrototype), Cls.Set);
      const src = a[0];
      if (src === undefined || src === null) return s;
      const adder = vm.lookup(s, 'add');
      if (adder !== setAdd) {
        if (!(adder instanceof Accessor) && !isCallable(adder as Value)) badAdder(vm, s, adder === HOLE ? undefined : (adder as Value), 'add');
        requireIterable(vm, src);
        return vm.pushCall(vm.realm.prelude.collSetFill, undefined, [s, src, adder instanceof Accessor ? undefined : (adder as Value)], Cont.Normal);
      }
      if (src instanceof JSArray && vm.hasDefaultArrayIteration(src)) {
        const el = src.elements;
        vm.chargeWork(el.length);
        for (let i = 0; i < el.length; i++) {
          const e = el[i];
          collectionAdd(vm, s, e === HOLE ? undefined : (e as Value));
        }
        return s;
      }
      if (typeof src === 'string' && vm.realm.stringIteratorPristine()) {
        vm.chargeWork(src.length);
        for (const ch of src) collectionAdd(vm, s, ch);
        return s;
      }
      if (pristine(vm, src, Cls.Set)) {
        const keys = src.keys;
        vm.chargeWork(keys.length);
        for (let i = 0; i < keys.length; i++) if (keys[i] !== HOLE) collectionAdd(vm, s, keys[i] as Value);
        return s;
      }
      if (pristine(vm, src, Cls.Map)) {
        const keys = src.keys;
        vm.chargeWork(keys.length);
        for (let i = 0; i < keys.length; i++) if (keys[i] !== HOLE) collectionAdd(vm, s, vm.newArray([keys[i], src.values[i]]));
        return s;
      }
      requireIterable(vm, src);
      return vm.pushCall(vm.realm.prelude.collSetFill, undefined, [s, src, setAdd], Cont.Normal);
    },
    SP,
  );
  r.getter(S, WELL_KNOWN.species, (_vm, t) => t);
  markScratchArgs(r.method(SP, 'has', 1, (vm, t, a) => thisColl(vm, t, Cls.Set, 'has').index.has(a[0])));
  setAdd = r.method(SP, 'add', 1, (vm, t, a) => {
    collectionAdd(vm, thisColl(vm, t, Cls.Set, 'add'), a[0]);
    return t;
  });
  markScratchArgs(setAdd);
  markScratchArgs(r.method(SP, 'delete', 1, (vm, t, a) => collectionDelete(thisColl(vm, t, Cls.Set, 'delete'), a[0])));
  r.method(SP, 'clear', 0, (vm, t) => {
    collectionClear(thisColl(vm, t, Cls.Set, 'clear'));
    return undefined;
  });
  r.method(SP, 'entries', 0, iter(r.SetIteratorPrototype, Cls.Set, IterKind.Entries, 'entries'));
  placeholder(SP, 'forEach');
  r.selfHosted(SP, 'forEach', 'collSetForEach');
  r.getter(SP, 'size', (vm, t) => {
    if (t instanceof JSCollection && t.cls === Cls.Set) return t.size;
    throw new GuestError('TypeError', `Method get Set.prototype.size called on incompatible receiver ${receiverText(vm, t)}`);
  });
  setValues = r.method(SP, 'values', 0, iter(r.SetIteratorPrototype, Cls.Set, IterKind.Values, 'values'));
  SP.defineOwn('keys', setValues, Attr.Hidden);
  SP.defineOwn(WELL_KNOWN.toStringTag, 'Set', Attr.Configurable);
  SP.defineOwn(WELL_KNOWN.iterator, setValues, Attr.Hidden);
  reorderProperties(SP, ['constructor', 'has', 'add', 'delete', 'clear', 'entries', 'forEach', 'size', 'values', 'keys']);
  r.getter(S, WELL_KNOWN.species, (_vm, t) => t);
});
