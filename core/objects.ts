/**
 * Guest heap objects: plain data, so the serializer and the heap walker can visit
 * everything. Every object has a prototype, a {@link Shape} and slots; subclasses add
 * the internal slots of arrays, functions, promises and the other built-in kinds.
 */
import { Attr, Shape } from './shape';
import { HOLE, type Marker, type PrivateName, type PropertyKey, type Value } from './value';
import type { FunctionCode } from './chunk';

/** An accessor property's pair, stored in the slot. */
export class Accessor {
  constructor(
    public get: JSObject | undefined,
    public set: JSObject | undefined,
  ) {}
}

export type Slot = Value | Accessor;

/** Class tags: what `Object.prototype.toString` and the inspector report. */
export const enum Cls {
  Object,
  Array,
  Function,
  Error,
  Boolean,
  Number,
  String,
  Symbol,
  BigInt,
  Date,
  RegExp,
  Map,
  Set,
  Promise,
  Generator,
  AsyncGenerator,
  Iterator,
  Arguments,
}

let nextId = 1;
/** Resets allocation ids (a fresh VM starts at 1 so ids are deterministic). */
export function setNextObjectId(n: number): void {
  nextId = n;
}
export function peekNextObjectId(): number {
  return nextId;
}

const nullProtoRoot = new Shape([], [], new Map(), false);

/**
 * The root shape of objects whose prototype is `proto`. Shape identity implies the
 * prototype, which is what lets property caches skip checking it.
 */
export function rootShapeFor(proto: JSObject | null): Shape {
  if (proto === null) return nullProtoRoot;
  let s = proto.protoShape;
  if (s === null) {
    s = new Shape([], [], new Map(), false);
    proto.protoShape = s;
  }
  return s;
}

/** Slots kept as fields of the object ({@link JSObject.s0} … `s3`); the rest go to `more`. */
export const INLINE_SLOTS = 4;

/**
 * The {@link JSObject} constructor's field stores, for the rarer subclass instances (in the same
 * order). A copy on purpose: V8 keeps type feedback per function, and the constructor's own copy
 * must only ever see plain objects to stay monomorphic.
 */
function initSubclassFields(o: JSObject, proto: JSObject | null, cls: Cls, shape: Shape | undefined): void {
  o.shape = shape ?? rootShapeFor(proto);
  o.s0 = undefined;
  o.s1 = undefined;
  o.s2 = undefined;
  o.s3 = undefined;
  o.more = null;
  o.slotCount = 0;
  o.proto = proto;
  o.id = nextId++;
  o.cls = cls;
  o.extensible = true;
  o.protoShape = null;
  o.markEpoch = 0;
}

/**
 * The same stores for arrays, functions and promises, the subclasses allocated on hot paths
 * (array literals, closures, every await and capability call): three hidden classes keep these
 * stores polymorphic, where sharing them with all eleven subclasses made them megamorphic
 * (measured: 10 000 awaited capability calls spent 16% of their time in the shared copy).
 */
function initHotSubclassFields(o: JSObject, proto: JSObject | null, cls: Cls, shape: Shape | undefined): void {
  o.shape = shape ?? rootShapeFor(proto);
  o.s0 = undefined;
  o.s1 = undefined;
  o.s2 = undefined;
  o.s3 = undefined;
  o.more = null;
  o.slotCount = 0;
  o.proto = proto;
  o.id = nextId++;
  o.cls = cls;
  o.extensible = true;
  o.protoShape = null;
  o.markEpoch = 0;
}

export class JSObject {
  // (fields are assigned in the constructor, in this order: V8 lays them out so, and a cached
  // property read touches the map, `shape` and s0…s3, which then share the object's first 64 bytes)
  shape!: Shape;
  // Property values, slot i for the shape's key i: the first INLINE_SLOTS as fields (most
  // objects, e.g. literals and functions, need no array and a cached read is one object
  // access), the others in `more` (slot i at more[i - INLINE_SLOTS], null until needed).
  // Slots at or past slotCount hold undefined. Hot interpreter paths read the fields with a
  // switch; everything else goes through getSlot/setSlot/pushSlot/slotValues.
  s0!: Slot;
  s1!: Slot;
  s2!: Slot;
  s3!: Slot;
  more!: Slot[] | null;
  /** Number of slots (the shape's key count once a property operation completes). */
  slotCount!: number;
  proto!: JSObject | null;
  /** Stable id: allocation order. Used by the debugger and the serializer. */
  id!: number;
  cls!: Cls;
  extensible!: boolean;
  /** When this object is a prototype: the root shape of objects inheriting from it. */
  protoShape!: Shape | null;
  /** Mark-phase epoch (heap measurement). */
  markEpoch!: number;

  /** `shape`: the snapshot decoder passes a placeholder it replaces (the proto's root shape otherwise). */
  constructor(proto: JSObject | null, cls: Cls = Cls.Object, shape?: Shape) {
    if (new.target !== JSObject) {
      const t: unknown = new.target;
      if (t === JSArray || t === JSFunction || t === JSPromise) initHotSubclassFields(this, proto, cls, shape);
      else initSubclassFields(this, proto, cls, shape);
      return;
    }
    // Plain objects, the most allocated kind, get their own copy of the field stores: shared
    // with the 11 subclasses, the stores would see 12 hidden classes, which V8 makes
    // megamorphic (a stub-cache probe per store) for the rest of the process.
    this.shape = shape ?? rootShapeFor(proto);
    this.s0 = undefined;
    this.s1 = undefined;
    this.s2 = undefined;
    this.s3 = undefined;
    this.more = null;
    this.slotCount = 0;
    this.proto = proto;
    this.id = nextId++;
    this.cls = cls;
    this.extensible = true;
    this.protoShape = null;
    this.markEpoch = 0;
  }

  /** Slot `i`'s value (undefined outside 0 … slotCount - 1, as a read past an array's end). */
  getSlot(i: number): Slot {
    switch (i) {
      case 0:
        return this.s0;
      case 1:
        return this.s1;
      case 2:
        return this.s2;
      case 3:
        return this.s3;
      default:
        return i >= INLINE_SLOTS && i < this.slotCount ? this.more![i - INLINE_SLOTS] : undefined;
    }
  }

  /** Overwrites slot `i` (0 … slotCount - 1). */
  setSlot(i: number, v: Slot): void {
    switch (i) {
      case 0:
        this.s0 = v;
        break;
      case 1:
        this.s1 = v;
        break;
      case 2:
        this.s2 = v;
        break;
      case 3:
        this.s3 = v;
        break;
      default:
        this.more![i - INLINE_SLOTS] = v;
    }
  }

  /** Appends a slot (the value of the key a shape transition just added). */
  pushSlot(v: Slot): void {
    const n = this.slotCount;
    if (n < INLINE_SLOTS) this.setSlot(n, v);
    else {
      // small overflow arrays exactly sized (a push onto [] or [x] reserves 17 elements)
      const m = this.more;
      if (m === null || n === INLINE_SLOTS) this.more = [v];
      else if (m.length === 1) this.more = [m[0], v];
      else if (m.length === 2) this.more = [m[0], m[1], v];
      else if (m.length === 3) this.more = [m[0], m[1], m[2], v];
      else m.push(v);
    }
    this.slotCount = n + 1;
  }

  /**
   * Gives a fresh object (no slots yet) its `n` slots from `src[from]`, `src[from + stride]`, …
   * (e.g. a parser's interleaved key/value list), with an exactly sized overflow array.
   */
  fillSlots(src: readonly unknown[], from: number, stride: number, n: number): void {
    if (n > 0) this.s0 = src[from] as Slot;
    if (n > 1) this.s1 = src[from + stride] as Slot;
    if (n > 2) this.s2 = src[from + 2 * stride] as Slot;
    if (n > 3) this.s3 = src[from + 3 * stride] as Slot;
    if (n > INLINE_SLOTS) {
      const m = new Array<Slot>(n - INLINE_SLOTS);
      for (let i = INLINE_SLOTS; i < n; i++) m[i - INLINE_SLOTS] = src[from + i * stride] as Slot;
      this.more = m;
    }
    this.slotCount = n;
  }

  /** A fresh array of the slots, in order (cold paths: serializer, walkers, inspect). */
  slotValues(): Slot[] {
    const n = this.slotCount;
    const out: Slot[] = new Array<Slot>(n);
    if (n > 0) out[0] = this.s0;
    if (n > 1) out[1] = this.s1;
    if (n > 2) out[2] = this.s2;
    if (n > 3) out[3] = this.s3;
    const m = this.more;
    for (let i = INLINE_SLOTS; i < n; i++) out[i] = m![i - INLINE_SLOTS];
    return out;
  }

  /** Replaces all slots with `values` (copied; the caller sets the matching shape). */
  setSlotValues(values: readonly Slot[]): void {
    this.clearSlots();
    for (let i = 0; i < values.length; i++) this.pushSlot(values[i]);
  }

  /** Drops all slots. */
  clearSlots(): void {
    this.s0 = this.s1 = this.s2 = this.s3 = undefined;
    this.more = null;
    this.slotCount = 0;
  }

  /** Removes slot `i`, moving the later ones down by one. */
  removeSlot(i: number): void {
    const n = this.slotCount;
    for (let k = i; k < n - 1; k++) this.setSlot(k, this.getSlot(k + 1));
    // the freed last slot holds undefined again (and the overflow array shrinks)
    if (n > INLINE_SLOTS) {
      this.more!.pop();
      if (n === INLINE_SLOTS + 1) this.more = null;
    } else this.setSlot(n - 1, undefined);
    this.slotCount = n - 1;
  }

  /** Own-slot lookup without the prototype chain. */
  getOwnSlot(key: PropertyKey): number {
    const i = this.shape.index.get(key);
    return i === undefined ? -1 : i;
  }

  /** Adds a new own property (the caller knows it is absent). */
  addProperty(key: PropertyKey, value: Slot, attrs: number = Attr.Default): void {
    this.shape = this.shape.add(key, attrs);
    this.pushSlot(value);
  }

  /** Defines or overwrites an own data property with attributes. */
  defineOwn(key: PropertyKey, value: Slot, attrs: number): void {
    const i = this.getOwnSlot(key);
    if (i < 0) {
      this.addProperty(key, value, attrs);
      return;
    }
    if (this.shape.attrs[i] !== attrs) {
      if (!this.shape.dictionary) this.shape = this.shape.toDictionary();
      this.shape.attrs[i] = attrs;
      this.shape.noteKey(key, attrs);
    }
    this.setSlot(i, value);
  }

  /** Removes an own property; returns false when it is non-configurable. */
  deleteOwn(key: PropertyKey): boolean {
    const i = this.getOwnSlot(key);
    if (i < 0) return true;
    if (!(this.shape.attrs[i] & Attr.Configurable)) return false;
    const old = this.shape;
    // A fresh dictionary shape (new identity) so cached slots at property sites miss.
    const keys = old.keys.slice();
    const attrs = old.attrs.slice();
    keys.splice(i, 1);
    attrs.splice(i, 1);
    const index = new Map<PropertyKey, number>();
    for (let k = 0; k < keys.length; k++) index.set(keys[k], k);
    const s = new Shape(keys, attrs, index, true);
    for (let k = 0; k < keys.length; k++) s.noteKey(keys[k], attrs[k]);
    this.shape = s;
    this.removeSlot(i);
    return true;
  }
}

/** Arrays keep their elements densely; `HOLE` marks a missing element. */
export class JSArray extends JSObject {
  elements: (Value | Marker)[];
  /** False once frozen/sealed: element writes then go through the slow path. */
  writable = true;
  constructor(proto: JSObject | null, elements: (Value | Marker)[] = []) {
    super(proto, Cls.Array);
    this.elements = elements;
  }
}

/** A lexical environment holding the variables closures capture. */
export class Env {
  vars: Value[];
  markEpoch = 0;
  constructor(
    size: number,
    public parent: Env | null,
  ) {
    this.vars = new Array<Value>(size).fill(undefined);
  }
}

/** A function compiled from guest (or prelude) source, closed over an environment. */
export class JSFunction extends JSObject {
  /** Object for `super` lookups (methods); the class prototype or the object literal. */
  home: JSObject | null = null;
  /** Class constructors: the instance-field initializer, run on construction. */
  fieldInit: JSFunction | null = null;
  constructor(
    proto: JSObject | null,
    public code: FunctionCode,
    public env: Env | null,
  ) {
    super(proto, Cls.Function);
  }
}

/**
 * A built-in implemented in TypeScript. The implementation is looked up by `nativeId`
 * in the realm's registry, so the object stays plain data; `data` holds internal
 * slots (e.g. the promise a resolving function settles).
 */
export class NativeFunction extends JSObject {
  constructor(
    proto: JSObject | null,
    public nativeId: number,
    public data: NativeData,
    public ctor: boolean,
  ) {
    super(proto, Cls.Function);
  }
}

export type NativeData = null | JSObject | PromiseResolveData | BoundData | CapabilityData;

/** Native data of a capability function: the capability's name. */
export class CapabilityData {
  constructor(readonly name: string) {}
}

export class PromiseResolveData {
  constructor(
    public promise: JSPromise,
    public state: { resolved: boolean },
    public reject: boolean,
  ) {}
}

export class BoundData {
  constructor(
    public target: JSObject,
    public boundThis: Value,
    public args: Value[],
  ) {}
}

export class JSPrimitiveObject extends JSObject {
  constructor(
    proto: JSObject | null,
    cls: Cls,
    public value: Value,
  ) {
    super(proto, cls);
  }
}

export class JSError extends JSObject {
  /** Guest stack text: "    at fn (line:col)" lines. */
  stackText = '';
}

export class JSDate extends JSObject {
  constructor(
    proto: JSObject | null,
    public time: number,
  ) {
    super(proto, Cls.Date);
  }
}

/** Ordered hash table shared by Map and Set; deleted entries leave tombstones so iterators stay valid. */
export class JSCollection extends JSObject {
  keys: (Value | Marker)[] = [];
  values: Value[] = [];
  index = new Map<Value, number>();
  size = 0;
}

/** First slot whose logical position is >= pos (also used by inspect to preview an iterator). */
export function slotAt(c: JSCollection, pos: number): number {
  const seqs = c.seqs;
  if (!seqs) {
    const p = pos - (c.base ?? 0);
    return p < 0 ? 0 : p;
  }
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seqs[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const enum PromiseState {
  Pending,
  Fulfilled,
  Rejected,
}

/** A reaction waiting on a promise. `handler` undefined means pass-through. */
export class Reaction {
  constructor(
    /** Derived promise to settle with the handler's outcome (null for await). */
    public capability: JSPromise | null,
    public onFulfilled: Value,
    public onRejected: Value,
    /** For await: the suspended async function or generator to resume. */
    public resume: JSGenerator | null,
  ) {}
}

export class JSPromise extends JSObject {
  state = PromiseState.Pending;
  result: Value = undefined;
  reactions: Reaction[] = [];
  handled = false;
}

export class JSRegExp extends JSObject {
  constructor(
    proto: JSObject | null,
    public source: string,
    public flags: string,
    /** Compiled form; rebuilt from source/flags after a restore. */
    public compiled: unknown,
  ) {
    super(proto, Cls.RegExp);
  }
}

export const enum GenState {
  SuspendedStart,
  SuspendedYield,
  Running,
  Completed,
  /** An async generator's return() before it started or after it completed: its value is being awaited (no frame). */
  AwaitingReturn,
}

/** A suspended frame: everything needed to push it back on the VM stack. */
export class SavedFrame {
  constructor(
    public fn: JSFunction,
    public pc: number,
    /** Locals followed by the operand stack. */
    public values: Value[],
    public env: Env | null,
    public thisValue: Value,
    public newTarget: Value,
    public tryStack: number[],
    public tryEnvs: (Env | null)[],
  ) {}
}

/** Generator objects, and the internal state of a running async function. */
export class JSGenerator extends JSObject {
  state = GenState.SuspendedStart;
  frame: SavedFrame | null = null;
  /** Async functions: the promise their call returned. */
  promise: JSPromise | null = null;
  /** Async generators: queued requests [kind, value, promise]. */
  queue: [number, Value, JSPromise][] = [];
}

export const enum IterKind {
  Keys,
  Values,
  Entries,
}

/** Built-in iterators over arrays, strings, maps and sets: a target and a position. */
export class JSIterator extends JSObject {
  constructor(
    proto: JSObject | null,
    public target: Value,
    public kind: IterKind,
    public pos = 0,
    public done = false,
  ) {
    super(proto, Cls.Iterator);
  }
}

/** for-in state: the keys snapshot and the object (to skip keys deleted meanwhile). */
export class ForInState {
  pos = 0;
  constructor(
    public keys: string[],
    public obj: JSObject | null,
  ) {}
}

export function isCallable(v: Value): v is JSObject {
  return v instanceof JSFunction || v instanceof NativeFunction;
}

export function isArrayLikeHole(v: Value | Marker): v is Marker {
  return v === HOLE;
}

export type { PrivateName };
