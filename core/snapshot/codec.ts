/**
 * The snapshot payload: an execution's complete state written straight into bytes in the
 * tagged wire format of wire.ts, and its decoding into a fresh VM.
 *
 * Layout (top-level items, in order): intrinsic table size and fingerprint, capability
 * names, seed; the node kinds (bytes, one per heap node); the symbol and private name
 * records (in node order); the shape count and shapes (prototype, kind, keys,
 * attributes); the node records back to back (no per-record framing); and the roots: an
 * array of the global object, the Symbol.for registry, the value stack, frames, current
 * frame, jobs, host calls, template objects, a pending throw, the execution state and the
 * counters.
 *
 * Values are tagged items; a reference to node `i` (an intrinsic, or a heap node of this
 * snapshot) is a reference item. Node numbers `0 … table.size - 1` are the intrinsic table
 * (see intrinsics.ts). Shapes are rebuilt on restore through the same transitions, so
 * restored objects share shapes as the originals did.
 */
import { FnFlags, type CompiledProgram, type FunctionCode, type TemplateConst } from '../chunk';
import { SerializationError } from '../errors';
import {
  Accessor,
  BoundData,
  CapabilityData,
  Cls,
  Env,
  ForInState,
  GenState,
  JSArray,
  JSCollection,
  JSDate,
  JSError,
  JSFunction,
  JSGenerator,
  JSIterator,
  JSObject,
  JSPrimitiveObject,
  JSPromise,
  JSRegExp,
  NativeFunction,
  PromiseResolveData,
  PromiseState,
  Reaction,
  SavedFrame,
  rootShapeFor,
  INLINE_SLOTS,
  type Slot,
} from '../objects';
import { Shape } from '../shape';
import { GSymbol, HOLE, Marker, PrivateName, TDZ, WELL_KNOWN, type PropertyKey, type Value } from '../value';
import { Cont, Frame } from '../vm/frame';
import { HOST_WAIT_CODE, HostCall, HostCalls } from '../vm/hostcalls';
import type { Job, VM } from '../vm/interpreter';
import { nativeIdByName, nativeName } from '../vm/natives';
import { compiledPrelude } from '../vm/realm';
import { compilePattern } from '../builtins/regexp-exec';
import { intrinsicAt, intrinsicIndex, intrinsicTable, type IntrinsicTable } from './intrinsics';
import { Reader, W, Writer } from './wire';

// ---- kinds ------------------------------------------------------------------------------

const enum K {
  Object = 1,
  Array = 2,
  Function = 3,
  Native = 4,
  Primitive = 5,
  Error = 6,
  Date = 7,
  Collection = 8,
  Promise = 9,
  RegExp = 10,
  Generator = 11,
  Iterator = 12,
  Env = 13,
  Accessor = 14,
  Reaction = 15,
  ResolveState = 16,
  ForIn = 17,
  Symbol = 18,
  PrivateName = 19,
  HostObject = 20,
}

/** Kind flag: the object record repeats the previous one's flags and shape (they are omitted). */
const SAME = 0x80;

/** 1 for the node kinds an array element can be (objects and symbols; not environments, accessors, internal records). */
const ELEMENT_KIND = new Uint8Array(128);
for (let k = K.Object; k <= K.Iterator; k++) ELEMENT_KIND[k] = 1;
ELEMENT_KIND[K.HostObject] = 1;
ELEMENT_KIND[K.Symbol] = 1;

const enum D {
  None = 0,
  Object = 1,
  Bound = 2,
  Resolve = 3,
  Capability = 4,
}

/** Code references: program functions by index, prelude functions by -(index+1), HostWait by name. */
type CodeRef = number | string;

/** The code reference tables of a program (cached). */
interface CodeTables {
  templates: Map<TemplateConst, [number, number]>;
}

const codeTables = new WeakMap<CompiledProgram, CodeTables>();

function tablesOf(program: CompiledProgram): CodeTables {
  let t = codeTables.get(program);
  if (!t) {
    const templates = new Map<TemplateConst, [number, number]>();
    const scan = (fns: FunctionCode[], sign: number) => {
      for (let i = 0; i < fns.length; i++) {
        const cs = fns[i].constants;
        for (let k = 0; k < cs.length; k++) {
          const c = cs[k];
          if (typeof c === 'object' && c !== null && (c as TemplateConst).kind === 'template') {
            templates.set(c as TemplateConst, [sign < 0 ? -(i + 1) : i, k]);
          }
        }
      }
    };
    scan(program.functions, 1);
    scan(compiledPrelude().functions, -1);
    t = { templates };
    codeTables.set(program, t);
  }
  return t;
}

function fail(message: string): never {
  throw new SerializationError(message);
}

// ---- encoding --------------------------------------------------------------------------

type Node = JSObject | Env | Accessor | Reaction | { resolved: boolean } | ForInState | GSymbol | PrivateName;

/** Node numbers stay below this: kept as -(n + 1) in `markEpoch`, they must stay small integers (V8 Smis). */
const NODE_LIMIT = 2 ** 30;

/** Scratch buffers larger than this are dropped after a snapshot instead of kept for the next. */
const SCRATCH_KEEP = 4 << 20;

/** Scratch writers, reused by every snapshot of the process (snapshots do not nest). */
const scratch = { data: new Writer(64 * 1024), roots: new Writer(4096), shapes: new Writer(4096), syms: new Writer(256), kinds: new Writer(8192), head: new Writer(256), mid: new Writer(16), queue: [] as Node[], busy: false };

/** Most nodes a scratch queue keeps room for between snapshots (as SCRATCH_KEEP for the writers). */
const QUEUE_KEEP = 1 << 18;

class Encoder {
  readonly table: IntrinsicTable;
  /** Nodes that are not JSObjects or environments (accessors, reactions, symbols…). */
  readonly ids = new Map<object, number>();
  /**
   * Every heap node, in node order (the first `count` entries); the JSObjects and environments
   * among them hold their number in `markEpoch`. A scratch array reused by every snapshot:
   * growing a fresh one by push was a tenth of a 5 000-object snapshot.
   */
  readonly queue: Node[] = scratch.queue;
  count = 0;
  /** Where values are being written: the records, or (while a shape or symbol is listed) its section. */
  w: Writer;
  readonly data = scratch.data;
  readonly kinds = scratch.kinds;
  readonly symw = scratch.syms;
  readonly shapew = scratch.shapes;
  readonly shapeIds = new Map<Shape, Map<JSObject | null, number>>();
  shapeCount = 0;
  readonly preludeFns: FunctionCode[];
  readonly globalObject: JSObject;
  /** The previous object record's flags and shape: a record repeating both omits them (kind | SAME). */
  lastFlags = -1;
  lastShape = -1;
  sameHead = false;

  constructor(
    readonly vm: VM,
    readonly program: CompiledProgram,
  ) {
    this.table = intrinsicTable(vm.realm);
    this.globalObject = vm.realm.globalObject;
    this.preludeFns = compiledPrelude().functions;
    for (const w of [scratch.data, scratch.roots, scratch.shapes, scratch.syms, scratch.kinds]) w.reset();
    this.w = scratch.roots;
  }

  /**
   * The node number of `o` (assigning one on first sight). Heap objects and environments
   * keep it in `markEpoch` as -(n + 1), so numbering needs no hash map. It is left there
   * afterwards: the heap mark only compares `markEpoch` with its own positive epochs, and a
   * number from an earlier snapshot is told apart by `numbered` (putting 0 back was a
   * megamorphic store per object).
   */
  ref(o: Node): number {
    if (o instanceof JSObject) {
      const m = o.markEpoch;
      if (m < 0 && this.numbered(o, m)) return -m - 1;
      // (objects allocated after the intrinsics, the usual case, skip the table lookup)
      if (o.id <= this.table.maxId || o === this.globalObject) return this.heapRef(o, intrinsicIndex(this.vm.realm, this.table, o));
      return this.heapRef(o, -1);
    }
    if (o instanceof Env) {
      const m = o.markEpoch;
      if (m < 0 && this.numbered(o, m)) return -m - 1;
      return this.heapRef(o, intrinsicIndex(this.vm.realm, this.table, o));
    }
    let i = this.ids.get(o);
    if (i !== undefined) return i;
    i = this.table.size + this.count;
    this.ids.set(o, i);
    this.queue[this.count++] = o;
    return i;
  }

  /** The node number of an object or environment: intrinsic `k`, or (k < 0) a new heap node. */
  heapRef(o: JSObject | Env, k: number): number {
    if (k >= 0) return k;
    const i = this.table.size + this.count;
    if (i >= NODE_LIMIT - 1) fail('cannot snapshot: too many objects');
    this.queue[this.count++] = o;
    o.markEpoch = -(i + 1);
    return i;
  }

  /** Whether `o`, whose `markEpoch` is `m` (< 0), was numbered by this snapshot: the queue slot the number names holds it. */
  numbered(o: JSObject | Env, m: number): boolean {
    const k = -m - 1 - this.table.size;
    return k >= 0 && k < this.count && this.queue[k] === o;
  }

  /** Empties the queue (it must not keep the heap alive; once empty, every number left in a `markEpoch` is stale). */
  release(): void {
    this.queue.fill(undefined as never, 0, this.count);
    this.count = 0;
  }

  refOrNull(o: Node | null | undefined): void {
    if (o === null || o === undefined) this.w.u8(W.Null);
    else this.w.ref(this.ref(o));
  }

  value(v: unknown): void {
    const w = this.w;
    switch (typeof v) {
      case 'string':
        return w.str(v);
      case 'number':
        return w.num(v);
      case 'boolean':
        return w.u8(v ? W.True : W.False);
      case 'undefined':
        return w.u8(W.Undef);
      case 'bigint':
        return w.bigint(v);
    }
    if (v === null) return w.u8(W.Null);
    if (v instanceof JSObject) {
      // (inline: the hot case, a heap object already numbered or seen for the first time)
      const m = v.markEpoch;
      return w.ref(m < 0 && this.numbered(v, m) ? -m - 1 : this.ref(v));
    }
    if (v instanceof Env || v instanceof Accessor || v instanceof GSymbol || v instanceof PrivateName || v instanceof ForInState || v instanceof Reaction) {
      return w.ref(this.ref(v));
    }
    if (v === HOLE) return w.u8(W.Hole);
    if (v === TDZ) return w.u8(W.Tdz);
    return fail(`cannot snapshot a host value of type ${(v as object)?.constructor?.name ?? typeof v}`);
  }

  values(vs: readonly unknown[]): void {
    this.w.arr(vs.length);
    for (let i = 0; i < vs.length; i++) this.value(vs[i]);
  }

  /**
   * An array's elements. The common element, a plain object seen here first (an array of
   * objects allocated in order), is numbered and written (RefNext) inline.
   */
  elements(vs: readonly unknown[]): void {
    const w = this.w;
    w.arr(vs.length);
    const size = this.table.size;
    const maxId = this.table.maxId;
    const q = this.queue;
    const g = this.globalObject;
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i];
      if (v instanceof JSObject && v.constructor === JSObject && v.id > maxId && v !== g) {
        const m = v.markEpoch;
        if (!(m < 0 && this.numbered(v, m))) {
          // (a plain object allocated after the intrinsics, not the global object: a new heap node)
          const k = size + this.count;
          if (k >= NODE_LIMIT - 1) fail('cannot snapshot: too many objects');
          q[this.count++] = v;
          v.markEpoch = -(k + 1);
          if (k === w.lastRef + 1) {
            w.lastRef = k;
            if (w.pos >= w.buf.length) w.room(1);
            w.buf[w.pos++] = W.RefNext;
          } else w.ref(k);
          continue;
        }
      }
      this.value(v);
    }
  }

  nums(vs: readonly number[]): void {
    this.w.arr(vs.length);
    for (let i = 0; i < vs.length; i++) this.w.num(vs[i]);
  }

  flag(b: boolean): void {
    this.w.u8(W.SmallInt | (b ? 1 : 0));
  }

  code(c: FunctionCode): void {
    if (c === HOST_WAIT_CODE) return this.w.str('hostwait');
    if (c.unit.functions === this.program.functions && this.program.functions[c.index] === c) return this.w.num(c.index);
    if (c.unit.functions === this.preludeFns && this.preludeFns[c.index] === c) return this.w.num(-(c.index + 1));
    return fail(`cannot snapshot function ${c.name || '<anonymous>'}: its code is not part of the program`);
  }

  shape(o: JSObject): number {
    const s = o.shape;
    if (s === this.cachedShape && o.proto === this.cachedProto) return this.cachedIndex;
    const i = this.shapeIndex(o, s);
    this.cachedShape = s;
    this.cachedProto = o.proto;
    this.cachedIndex = i;
    return i;
  }

  /** (one-entry cache in front of it: arrays of like objects hit it every time) */
  cachedShape: Shape | null = null;
  cachedProto: JSObject | null = null;
  cachedIndex = -1;

  /** A shape's number, listing it (prototype, kind, keys, attributes) on first sight. */
  shapeIndex(o: JSObject, s: Shape): number {
    let byProto = this.shapeIds.get(s);
    if (byProto === undefined) this.shapeIds.set(s, (byProto = new Map()));
    let i = byProto.get(o.proto);
    if (i === undefined) {
      i = this.shapeCount++;
      byProto.set(o.proto, i);
      const saved = this.w;
      this.w = this.shapew;
      // the global object's shape usually extends the template's (built-ins, then inputs and capabilities)
      const base = o === this.vm.realm.globalObject ? this.vm.realm.template.globalShape : null;
      const n = base && !s.dictionary && extendsShape(s, base) ? base.keys.length : -1;
      this.w.arr(4);
      this.refOrNull(o.proto);
      this.w.num(n >= 0 ? 2 : s.dictionary ? 1 : 0);
      this.values(n >= 0 ? s.keys.slice(n) : s.keys);
      this.nums(n >= 0 ? s.attrs.slice(n) : s.attrs);
      this.w = saved;
    }
    return i;
  }

  /** flags (cls << 1 | !extensible), shape, then the slots (as many as the shape has keys). */
  objectHead(o: JSObject, record = true): void {
    const flags = (o.cls << 1) | (o.extensible ? 0 : 1);
    const shape = this.shape(o);
    const w = this.w;
    if (record && flags === this.lastFlags && shape === this.lastShape) this.sameHead = true;
    else {
      w.num(flags);
      w.num(shape);
      if (record) {
        this.lastFlags = flags;
        this.lastShape = shape;
      }
    }
    // (the inline slot fields, then the overflow array)
    const n = o.slotCount;
    if (n > 0) this.value(o.s0);
    if (n > 1) this.value(o.s1);
    if (n > 2) this.value(o.s2);
    if (n > 3) this.value(o.s3);
    if (n > INLINE_SLOTS) {
      const m = o.more!;
      for (let i = 0; i < m.length; i++) this.value(m[i]);
    }
  }

  savedFrame(f: SavedFrame): void {
    this.w.arr(8);
    this.value(f.fn);
    this.w.num(f.pc);
    this.values(f.values);
    this.refOrNull(f.env);
    this.value(f.thisValue);
    this.value(f.newTarget);
    this.nums(f.tryStack);
    this.w.arr(f.tryEnvs.length);
    for (const e of f.tryEnvs) this.refOrNull(e);
  }

  /** Writes the record of `n`; returns its kind. */
  record(n: Node): K {
    const w = this.w;
    if (n instanceof JSObject) {
      const C = n.constructor;
      if (C === JSObject) {
        this.objectHead(n);
        return K.Object;
      }
      if (n instanceof JSArray) {
        this.objectHead(n);
        this.elements(n.elements);
        this.flag(n.writable);
        return K.Array;
      }
      if (n instanceof JSFunction) {
        this.objectHead(n);
        this.code(n.code);
        this.refOrNull(n.env);
        this.refOrNull(n.home);
        this.refOrNull(n.fieldInit);
        return K.Function;
      }
      if (n instanceof NativeFunction) {
        const name = nativeName(n.nativeId);
        if (name === undefined) fail(`cannot snapshot native function #${n.nativeId}`);
        const d = n.data;
        if (!(d === null || d instanceof JSObject || d instanceof BoundData || d instanceof PromiseResolveData || d instanceof CapabilityData)) {
          return fail(`cannot snapshot native ${name}: unknown internal data`);
        }
        this.objectHead(n);
        w.str(name);
        this.flag(n.ctor);
        if (d === null) {
          w.arr(1);
          w.num(D.None);
        } else if (d instanceof JSObject) {
          w.arr(2);
          w.num(D.Object);
          this.value(d);
        } else if (d instanceof BoundData) {
          w.arr(4);
          w.num(D.Bound);
          this.value(d.target);
          this.value(d.boundThis);
          this.values(d.args);
        } else if (d instanceof PromiseResolveData) {
          w.arr(4);
          w.num(D.Resolve);
          this.value(d.promise);
          w.ref(this.ref(d.state));
          this.flag(d.reject);
        } else {
          w.arr(2);
          w.num(D.Capability);
          this.value((d as CapabilityData).name);
        }
        return K.Native;
      }
      if (n instanceof JSPrimitiveObject) {
        this.objectHead(n);
        this.value(n.value);
        return K.Primitive;
      }
      if (n instanceof JSError) {
        this.objectHead(n);
        this.value(n.stackText);
        return K.Error;
      }
      if (n instanceof JSDate) {
        this.objectHead(n);
        w.num(n.time);
        return K.Date;
      }
      if (n instanceof JSCollection) {
        this.objectHead(n);
        this.values(n.keys);
        this.values(n.values);
        w.num(n.size);
        w.num(n.base ?? 0);
        if (n.seqs) this.nums(n.seqs);
        else w.u8(W.Null);
        w.num(n.nextSeq ?? 0);
        return K.Collection;
      }
      if (n instanceof JSPromise) {
        this.objectHead(n);
        w.num(n.state);
        this.value(n.result);
        this.values(n.reactions);
        this.flag(n.handled);
        return K.Promise;
      }
      if (n instanceof JSRegExp) {
        const c = n.compiled as { source: string; flags: string } | null;
        this.objectHead(n);
        this.value(n.source);
        w.str(n.flags);
        if (c && typeof c === 'object' && typeof c.source === 'string') {
          w.arr(2);
          this.value(c.source);
          w.str(c.flags);
        } else w.u8(W.Null);
        return K.RegExp;
      }
      if (n instanceof JSGenerator) {
        this.objectHead(n);
        w.num(n.state);
        if (n.frame) this.savedFrame(n.frame);
        else w.u8(W.Null);
        this.refOrNull(n.promise);
        w.arr(n.queue.length);
        for (const [k, v, p] of n.queue) {
          w.arr(3);
          w.num(k);
          this.value(v);
          this.value(p);
        }
        return K.Generator;
      }
      if (n instanceof JSIterator) {
        this.objectHead(n);
        this.value(n.target);
        w.num(n.kind);
        w.num(n.pos);
        this.flag(n.done);
        return K.Iterator;
      }
      return this.hostObject(n);
    }
    if (n instanceof Env) {
      this.refOrNull(n.parent);
      this.values(n.vars);
      return K.Env;
    }
    if (n instanceof Accessor) {
      this.refOrNull(n.get);
      this.refOrNull(n.set);
      return K.Accessor;
    }
    if (n instanceof Reaction) {
      this.refOrNull(n.capability);
      this.value(n.onFulfilled);
      this.value(n.onRejected);
      this.refOrNull(n.resume);
      return K.Reaction;
    }
    if (n instanceof ForInState) {
      this.values(n.keys);
      this.refOrNull(n.obj);
      w.num(n.pos);
      return K.ForIn;
    }
    if (n instanceof GSymbol) {
      this.w = this.symw;
      this.w.arr(3);
      this.value(n.description);
      this.value(n.key);
      this.flag(n.wellKnown);
      this.w = w;
      return K.Symbol;
    }
    if (n instanceof PrivateName) {
      this.w = this.symw;
      const branded = n.brandClass !== null;
      this.w.arr(branded ? 3 : 1);
      this.value(n.description);
      if (branded) {
        this.value(n.brandClass);
        this.flag(n.brandStatic);
      }
      this.w = w;
      return K.PrivateName;
    }
    // the shared `resolved` flag of a resolve/reject pair
    this.flag((n as { resolved: boolean }).resolved);
    return K.ResolveState;
  }

  /**
   * Objects of classes defined by built-in modules (Intl formatters): their own host
   * fields, which must be plain data or guest objects.
   */
  hostObject(n: JSObject): K {
    const base = baseFields();
    const fields: [string, unknown][] = [];
    for (const k of Object.keys(n)) {
      if (base.has(k)) continue;
      fields.push([k, (n as unknown as Record<string, unknown>)[k]]);
    }
    // a stable tag, not the class name (bundlers may rename classes)
    const tag = 'nf' in n && 'dtf' in n ? 'Intl' : null;
    if (tag === null) return fail(`cannot snapshot an object of internal class ${n.constructor.name}`);
    this.objectHead(n);
    const w = this.w;
    w.str(tag);
    w.arr(fields.length * 2);
    for (const [k, v] of fields) {
      w.str(k);
      w.arr(2);
      if (v instanceof JSObject) {
        w.num(1);
        this.value(v);
      } else {
        w.num(0);
        w.plain(plainData(v, k));
      }
    }
    return K.HostObject;
  }

  /**
   * Writes the records of the plain objects from queue position `i` on that have the previous
   * object record's shape, prototype and flags and at most 4 slots (an array of like
   * objects): their slots only, kind Object | SAME. Returns the position after them. Called
   * right after objectHead wrote a plain object's record, so the shape cache holds its shape.
   */
  drainRun(i: number): number {
    const q = this.queue;
    const kinds = this.kinds;
    const s = this.cachedShape;
    const proto = this.cachedProto;
    const flags = this.lastFlags;
    for (; i < this.count; i++) {
      const o = q[i];
      // (shapes are listed per (shape, prototype), as shape() keys them)
      if (!(o instanceof JSObject && o.constructor === JSObject && o.shape === s && o.proto === proto && o.slotCount <= INLINE_SLOTS)) break;
      if (((o.cls << 1) | (o.extensible ? 0 : 1)) !== flags) break;
      const n = o.slotCount;
      if (n > 0) this.value(o.s0);
      if (n > 1) this.value(o.s1);
      if (n > 2) this.value(o.s2);
      if (n > 3) this.value(o.s3);
      kinds.u8(K.Object | SAME);
    }
    return i;
  }

  drain(): void {
    this.w = this.data;
    const kinds = this.kinds;
    const q = this.queue;
    for (let i = kinds.pos; i < this.count; i++) {
      this.sameHead = false;
      const n = q[i];
      // (plain objects, the common node, without record()'s dispatch over every kind)
      if (n instanceof JSObject && n.constructor === JSObject) {
        this.objectHead(n);
        kinds.u8(this.sameHead ? K.Object | SAME : K.Object);
        i = this.drainRun(i + 1) - 1;
        continue;
      }
      const k = this.record(n);
      kinds.u8(this.sameHead ? k | SAME : k);
    }
  }
}

/** True when `s` has `base`'s keys and attributes as a prefix. */
function extendsShape(s: Shape, base: Shape): boolean {
  const n = base.keys.length;
  if (s.keys.length < n) return false;
  for (let i = 0; i < n; i++) if (s.keys[i] !== base.keys[i] || s.attrs[i] !== base.attrs[i]) return false;
  return true;
}

let BASE_FIELDS: Set<string> | null = null;

/** The host fields every JSObject has. */
function baseFields(): Set<string> {
  return (BASE_FIELDS ??= new Set(Object.keys(new JSObject(null))));
}

/** Plain host data (strings, numbers, booleans, null/undefined, arrays and records of them). */
function plainData(v: unknown, where: string): unknown {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (Array.isArray(v)) return v.map((x) => plainData(x, where));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plainData(x, where);
    return out;
  }
  return fail(`cannot snapshot internal field ${where}`);
}

export interface ExecState {
  phase: number;
  result: Value;
  usedMs: number;
  status: 'paused' | 'suspended';
  /** A debugger breakpoint stopped the run (the paused outcome's reason). */
  breakpoint: boolean;
  seed: number;
  caps: string[];
}

/**
 * Encodes the state of `vm` (between steps) and its execution; returns the payload as
 * parts to concatenate (views of reused buffers: copy them before the next snapshot).
 */
export function encodeState(vm: VM, program: CompiledProgram, ex: ExecState): Uint8Array[] {
  if (scratch.busy) fail('cannot snapshot while another snapshot is being taken');
  scratch.busy = true;
  const e = new Encoder(vm, program);
  try {
    return encodeWith(e, vm, program, ex);
  } finally {
    e.release();
    scratch.busy = false;
    // a huge snapshot's buffers are not kept for the next one (the returned views keep theirs alive until sealed)
    if (scratch.data.buf.length > SCRATCH_KEEP) scratch.data = new Writer(64 * 1024);
    if (scratch.roots.buf.length > SCRATCH_KEEP) scratch.roots = new Writer(4096);
    if (scratch.kinds.buf.length > SCRATCH_KEEP) scratch.kinds = new Writer(8192);
    if (scratch.shapes.buf.length > SCRATCH_KEEP) scratch.shapes = new Writer(4096);
    if (scratch.syms.buf.length > SCRATCH_KEEP) scratch.syms = new Writer(256);
    if (scratch.queue.length > QUEUE_KEEP) scratch.queue = [];
  }
}

/** Roots: the per-VM state outside the heap records, in this order. */
const ROOTS = 11;

function encodeWith(e: Encoder, vm: VM, program: CompiledProgram, ex: ExecState): Uint8Array[] {
  const realm = vm.realm;
  const w = e.w; // the roots section
  w.arr(ROOTS);
  // the global object (per VM): flags, shape, slots
  w.arr(2 + realm.globalObject.slotCount);
  e.objectHead(realm.globalObject, false);
  // Symbol.for registry
  if (realm.symbolRegistry) e.values([...realm.symbolRegistry.values()]);
  else w.arr(0);
  // the value stack 0 … sp and the frames
  w.arr(vm.sp);
  for (let i = 0; i < vm.sp; i++) e.value(vm.stack[i]);
  w.arr(vm.frames.length);
  for (const f of vm.frames) {
    w.arr(17);
    e.value(f.fn);
    e.code(f.code);
    w.num(f.base);
    w.num(f.retSlot);
    e.refOrNull(f.env);
    e.value(f.thisValue);
    e.value(f.newTarget);
    w.num(f.cont);
    e.value(f.contData);
    w.num(f.pc);
    e.nums(f.tryStack);
    w.arr(f.tryEnvs.length);
    for (const x of f.tryEnvs) e.refOrNull(x);
    e.refOrNull(f.gen);
    e.flag(f.asyncFirst);
    w.num(f.resumeMode);
    w.num(f.outerCont);
    e.value(f.outerData);
  }
  const frame = vm.frame === null ? -1 : vm.frames.lastIndexOf(vm.frame);
  if (vm.frame !== null && frame < 0) fail('cannot snapshot: the current frame is not on the frame stack');
  w.num(frame);
  // jobs
  w.arr(vm.jobs.length - vm.jobHead);
  for (let i = vm.jobHead; i < vm.jobs.length; i++) {
    const j = vm.jobs[i];
    w.arr(4);
    w.num(j.kind);
    if (j.kind === 0) {
      e.value(j.reaction);
      e.value(j.arg);
      e.flag(j.rejected);
    } else if (j.kind === 1) {
      e.value(j.promise);
      e.value(j.thenable);
      e.value(j.then);
    } else {
      e.value(j.gen);
      e.value(j.value);
      e.flag(j.rejected);
    }
  }
  // host calls
  const calls = (list: HostCall[]) => {
    w.arr(list.length);
    for (const c of list) {
      w.arr(7);
      w.num(c.id);
      e.value(c.capability);
      e.value(c.args);
      e.refOrNull(c.promise);
      e.flag(c.done);
      e.flag(c.ok);
      e.value(c.value);
    }
  };
  const h = vm.host;
  w.arr(4);
  w.num(h.nextId);
  calls(h.inflight);
  calls(h.queued);
  calls(h.answered);
  // template objects, by (function, constant index)
  const tt = tablesOf(program);
  w.arr(vm.templateCache.size * 3);
  for (const [t, arr] of vm.templateCache) {
    const loc = tt.templates.get(t);
    if (!loc) fail('cannot snapshot a template object of code outside the program');
    w.num(loc[0]);
    w.num(loc[1]);
    e.value(arr);
  }
  // a throw a debugger stopped at (it unwinds when the run continues)
  const vmx = vm as unknown as { sinceMark: number; pendingThrow?: { value: Value } | null };
  if (vmx.pendingThrow) {
    w.arr(1);
    e.value(vmx.pendingThrow.value);
  } else w.u8(W.Null);
  // the execution: phase, completion value, time used, outcome (0 paused, 1 suspended, 2 breakpoint)
  w.arr(4);
  w.num(ex.phase);
  e.value(ex.result);
  w.num(ex.usedMs);
  w.num(ex.status === 'suspended' ? 1 : ex.breakpoint ? 2 : 0);
  // counters
  w.arr(9);
  w.num(vm.instructions);
  w.num(vm.allocations);
  w.num(vm.heapBytes);
  w.num(vmx.sinceMark);
  w.num(vm.markEvery);
  w.num(vm.liveBytes);
  e.nums(vm.rng);
  w.num(realm.regexSteps ?? 0);
  if (realm.regexCompiled) e.values([...realm.regexCompiled]);
  else w.u8(W.Null);
  e.drain();
  // the head: intrinsic table, capabilities, seed, then the node kinds
  const head = scratch.head;
  head.reset();
  head.num(e.table.size);
  head.num(e.table.fingerprint);
  head.arr(ex.caps.length);
  for (const c of ex.caps) head.str(c);
  head.num(ex.seed);
  head.u8(W.Bytes);
  head.uv(e.kinds.pos);
  const mid = scratch.mid;
  mid.reset();
  mid.num(e.shapeCount);
  return [head.bytes(), e.kinds.bytes(), e.symw.bytes(), mid.bytes(), e.shapew.bytes(), e.data.bytes(), scratch.roots.bytes()];
}

// ---- decoding --------------------------------------------------------------------------

function isArr(x: unknown, what: string, len?: number): unknown[] {
  if (!Array.isArray(x) || (len !== undefined && x.length !== len)) fail(`corrupt snapshot: bad ${what}`);
  return x;
}

function int(x: unknown, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) fail(`corrupt snapshot: bad ${what}`);
  return x;
}

function num(x: unknown, what: string): number {
  if (typeof x !== 'number') fail(`corrupt snapshot: bad ${what}`);
  return x;
}

function flag(x: unknown, what: string): boolean {
  return int(x, what, 0, 1) === 1;
}

const WELL_KNOWN_BY_KEY = new Map<string, GSymbol>(Object.values(WELL_KNOWN).map((s) => [s.key!, s]));

/** How deeply arrays may nest in one item (the deepest real one is a frame's try stack: 3). */
const MAX_DEPTH = 8;

/** The head of a payload: read before the VM exists. */
export interface PayloadHead {
  table: [number, number];
  caps: unknown[];
  seed: unknown;
}

/** Opens a payload and reads its head (intrinsic table, capability names, seed). */
export function openPayload(payload: Uint8Array): { reader: Reader; head: PayloadHead } {
  const r = new Reader(payload);
  const d = new ItemReader(r);
  const table: [number, number] = [int(d.val(), 'header'), int(d.val(), 'header', 0, 0xffffffff)];
  const caps = isArr(d.val(), 'capabilities');
  const seed = d.val();
  return { reader: r, head: { table, caps, seed } };
}

/** Reads items without a VM (no node references allowed). */
class ItemReader {
  depth = 0;
  constructor(readonly r: Reader) {}

  node(_i: number): unknown {
    return fail('corrupt snapshot: a reference in the header');
  }

  /** Any item: scalars, markers, resolved node references, arrays of items, bytes. */
  val(): unknown {
    const r = this.r;
    if (r.pos >= r.end) fail('corrupt snapshot: records end early');
    const t = r.buf[r.pos++];
    if (t >= W.SmallInt) return t - W.SmallInt;
    if (t >= W.ShortStr) {
      if (t >= W.ShortStr + 32) return fail('corrupt snapshot: unknown value tag');
      const n = t - W.ShortStr;
      if (n > r.end - r.pos) fail('corrupt snapshot: a length runs past the end');
      return r.str1(n);
    }
    switch (t) {
      case W.Undef:
        return undefined;
      case W.Null:
        return null;
      case W.False:
        return false;
      case W.True:
        return true;
      case W.Hole:
        return HOLE;
      case W.Tdz:
        return TDZ;
      case W.UInt:
        return r.uv();
      case W.NegInt: {
        const n = r.uv();
        if (n === 0) fail('corrupt snapshot: bad number');
        return -n;
      }
      case W.F64:
        return r.f64();
      case W.Str1:
        return r.str1(r.len(1));
      case W.Str2:
        return r.str2(r.len(2));
      case W.Ref: {
        const i = r.uv();
        r.lastRef = i;
        return this.node(i);
      }
      case W.RefNext:
        return this.node(++r.lastRef);
      case W.BigInt:
        return r.bigint();
      case W.Arr: {
        if (this.depth >= MAX_DEPTH) fail('corrupt snapshot: nested too deeply');
        const n = r.len(1);
        this.depth++;
        const a: unknown[] = [];
        for (let i = 0; i < n; i++) a.push(this.val());
        this.depth--;
        return a;
      }
      case W.Bytes:
        return r.bytes(r.len(1));
      case W.Map:
        return this.plainMap();
    }
    return fail('corrupt snapshot: unknown value tag');
  }

  /** Plain host data in a map (Intl formatter fields): no references or markers. */
  plainMap(): Record<string, unknown> {
    if (this.depth >= MAX_DEPTH) fail('corrupt snapshot: nested too deeply');
    const n = this.r.len(2);
    this.depth++;
    const o: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const k = this.val();
      if (typeof k !== 'string' || k === '__proto__') fail('corrupt snapshot: bad map key');
      o[k] = this.val();
    }
    this.depth--;
    return o;
  }

  /** The header of an array item: its length (`len` when given, else any). */
  arr(what: string, len?: number): number {
    const r = this.r;
    if (r.pos >= r.end || r.buf[r.pos] !== W.Arr) fail(`corrupt snapshot: bad ${what}`);
    r.pos++;
    const n = r.len(1);
    if (len !== undefined && n !== len) fail(`corrupt snapshot: bad ${what}`);
    return n;
  }
}

class Decoder extends ItemReader {
  readonly table: IntrinsicTable;
  /** The heap nodes by number − table size (all created once the kinds are read). */
  nodes: unknown[] = [];
  /** The node kinds (bytes, SAME bit included). */
  kinds: Uint8Array = new Uint8Array(0);
  readonly shapes: Shape[] = [];
  readonly shapeProtos: (JSObject | null)[] = [];
  /** Per shape: some slot holds an accessor pair. */
  readonly shapeAccessors: boolean[] = [];
  readonly preludeFns: FunctionCode[];
  intlClass: (new (proto: JSObject | null, cls: Cls) => JSObject) | null = null;
  /** The current record omits flags and shape (see SAME); the previous object record's. */
  same = false;
  lastFlags = -1;
  lastShape = -1;
  /** Saved frames, to check their pcs once every function has its code. */
  readonly savedFrames: SavedFrame[] = [];
  /** The shape plain object shells start with (fillObject sets the real one). */
  readonly shellShape = rootShapeFor(null);

  constructor(
    readonly vm: VM,
    readonly program: CompiledProgram,
    r: Reader,
  ) {
    super(r);
    this.table = intrinsicTable(vm.realm);
    this.preludeFns = compiledPrelude().functions;
  }

  override node(i: number): unknown {
    if (i < this.table.size) return intrinsicAt(this.vm.realm, this.table, i);
    const n = this.nodes[i - this.table.size];
    if (n === undefined) fail('corrupt snapshot: reference out of range');
    return n;
  }

  /** A guest value: no internal records (environments, accessors, reactions). */
  value(v: unknown): Value {
    if (v !== null && typeof v === 'object' && !(v instanceof JSObject || v instanceof GSymbol || v instanceof PrivateName || v instanceof Marker || v instanceof ForInState)) {
      fail('corrupt snapshot: an internal record where a value belongs');
    }
    return v as Value;
  }

  /** The next item, as a guest value. */
  nextValue(): Value {
    return this.value(this.val());
  }

  /** An array item of guest values. (Built by push: packed arrays, like the VM's own.) */
  values(what: string): Value[] {
    const n = this.arr(what);
    const out: Value[] = [];
    for (let i = 0; i < n; i++) out.push(this.value(this.val()));
    return out;
  }

  /** Array elements: guest values or holes (no TDZ markers). */
  elements(): (Value | Marker)[] {
    const n = this.arr('elements');
    const r = this.r;
    // An array of objects allocated in order is a run of RefNext items: the run's nodes are
    // consecutive in the node table, and one slice of it (packed, as the table is) replaces
    // a push per element. Each node's kind must be one an element can be.
    const b = r.buf;
    const p = r.pos;
    let run = 0;
    while (run < n && p + run < r.end && b[p + run] === W.RefNext) run++;
    const first = r.lastRef + 1 - this.table.size;
    let out: (Value | Marker)[];
    if (run > 0 && first >= 0 && first + run <= this.nodes.length) {
      const kinds = this.kinds;
      for (let j = first; j < first + run; j++) if (ELEMENT_KIND[kinds[j] & ~SAME] !== 1) fail('corrupt snapshot: bad element');
      out = this.nodes.slice(first, first + run) as (Value | Marker)[];
      r.pos = p + run;
      r.lastRef += run;
    } else {
      out = [];
      run = 0;
    }
    for (let i = run; i < n; i++) {
      // (the common item first: the next node, e.g. an array of objects allocated in order)
      const v = r.pos < r.end && r.buf[r.pos] === W.RefNext ? (r.pos++, this.node(++r.lastRef)) : this.val();
      if (typeof v === 'object' && v !== null && !(v instanceof JSObject || v instanceof GSymbol || v === HOLE)) fail('corrupt snapshot: bad element');
      out.push(v as Value);
    }
    return out;
  }

  /** An already read array of guest values. */
  valuesOf(x: unknown, what: string): Value[] {
    return isArr(x, what).map((v) => this.value(v));
  }

  string(x: unknown, what: string): string {
    const v = this.value(x);
    if (typeof v !== 'string') fail(`corrupt snapshot: bad ${what}`);
    return v;
  }

  obj(x: unknown, what: string): JSObject {
    if (!(x instanceof JSObject)) fail(`corrupt snapshot: bad ${what}`);
    return x;
  }

  objOrNull<C extends abstract new (...a: never[]) => unknown>(x: unknown, C: C, what: string): InstanceType<C> | null {
    if (x === null) return null;
    if (!(x instanceof C)) fail(`corrupt snapshot: bad ${what}`);
    return x as InstanceType<C>;
  }

  code(x: unknown): FunctionCode {
    if (x === 'hostwait') return HOST_WAIT_CODE;
    if (typeof x === 'number' && Number.isInteger(x)) {
      const c = x >= 0 ? this.program.functions[x] : this.preludeFns[-x - 1];
      if (c) return c;
    }
    return fail('corrupt snapshot: bad function reference');
  }

  /** Reads the shape list (every node exists by now: prototypes and symbol keys resolve). */
  readShapes(): void {
    this.r.lastRef = -1;
    const count = int(this.val(), 'shape count', 0, this.r.end - this.r.pos);
    for (let k = 0; k < count; k++) {
      const rec = isArr(this.val(), 'shape', 4);
      const proto = this.objOrNull(rec[0], JSObject, 'shape prototype');
      const mode = int(rec[1], 'shape kind', 0, 2);
      const dict = mode === 1;
      const keys = this.valuesOf(rec[2], 'shape keys') as unknown[];
      const attrs = isArr(rec[3], 'shape attributes');
      if (attrs.length !== keys.length) fail('corrupt snapshot: bad shape');
      for (const k of keys) if (!(typeof k === 'string' || k instanceof GSymbol || k instanceof PrivateName)) fail('corrupt snapshot: bad property key');
      for (const a of attrs) int(a, 'attribute', 0, 15);
      let s: Shape;
      if (dict) {
        const index = new Map<PropertyKey, number>();
        keys.forEach((key, j) => index.set(key as PropertyKey, j));
        if (index.size !== keys.length) fail('corrupt snapshot: duplicate property key');
        s = new Shape(keys as PropertyKey[], attrs as number[], index, true);
        for (let j = 0; j < keys.length; j++) s.noteKey(keys[j] as PropertyKey, attrs[j] as number);
      } else {
        s = rootShapeFor(proto);
        if (mode === 2) {
          const base = this.vm.realm.template.globalShape;
          if (proto !== this.vm.realm.ObjectPrototype) fail('corrupt snapshot: bad global shape');
          s = base;
        }
        for (let j = 0; j < keys.length; j++) {
          if (s.index.has(keys[j] as PropertyKey)) fail('corrupt snapshot: duplicate property key');
          s = s.add(keys[j] as PropertyKey, attrs[j] as number);
        }
      }
      this.shapes.push(s);
      this.shapeProtos.push(proto);
      this.shapeAccessors.push(s.attrs.some((a) => (a & 8) !== 0));
    }
  }

  /** Creates every node's shell (so references resolve), reads the shapes, then fills the nodes from the records. */
  readNodes(): void {
    const kindsX = this.val();
    if (!(kindsX instanceof Uint8Array)) fail('corrupt snapshot: bad node kinds');
    const kinds = (this.kinds = kindsX);
    // (built by push, so that it is a packed array: elements() slices runs out of it)
    const nodes: unknown[] = (this.nodes = []);
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[i] & ~SAME;
      if ((kinds[i] & SAME) !== 0 && !((k >= K.Object && k <= K.Iterator) || k === K.HostObject)) fail('corrupt snapshot: bad node kind');
      // (plain objects, the common kind, are made here: no call to shell() per object)
      if (k === K.Object) nodes.push(new JSObject(null, Cls.Object, this.shellShape));
      else nodes.push(k === K.Symbol || k === K.PrivateName ? this.symbol(k, isArr(this.val(), 'symbol')) : this.shell(k));
    }
    this.readShapes();
    this.r.lastRef = -1;
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[i];
      if (k === (K.Object | SAME) && this.lastShape >= 0 && !this.shapeAccessors[this.lastShape]) {
        i = this.fillRun(i) - 1;
        continue;
      }
      this.same = (k & SAME) !== 0;
      // (plain objects, the common node, without fill()'s dispatch over every kind)
      if ((k & ~SAME) === K.Object) this.fillObject(nodes[i] as JSObject);
      else this.fill(nodes[i], k & ~SAME);
    }
    this.same = false;
    for (const f of this.savedFrames) {
      if (f.pc > f.fn.code.code.length) fail('corrupt snapshot: bad pc');
    }
  }

  symbol(kind: number, r: unknown[]): GSymbol | PrivateName {
    if (kind === K.PrivateName) {
      if (r.length !== 1 && r.length !== 3) fail('corrupt snapshot: bad private name');
      const name = new PrivateName(this.string(r[0], 'private name'));
      if (r.length === 3) {
        name.brandClass = this.string(r[1], 'private name class');
        name.brandStatic = flag(r[2], 'private name');
      }
      return name;
    }
    if (r.length !== 3) fail('corrupt snapshot: bad symbol');
    const desc = r[0];
    const key = r[1];
    if (!(desc === undefined || typeof desc === 'string') || !(key === undefined || typeof key === 'string')) fail('corrupt snapshot: bad symbol');
    if (flag(r[2], 'symbol')) {
      const wk = WELL_KNOWN_BY_KEY.get(key as string);
      if (!wk) fail('corrupt snapshot: unknown well-known symbol');
      return wk;
    }
    return new GSymbol(desc as string | undefined, key as string | undefined);
  }

  shell(kind: number): unknown {
    switch (kind) {
      case K.Object:
        // (a placeholder shape: fillObject sets the real one and the slots)
        return new JSObject(null, Cls.Object, this.shellShape);
      case K.Array:
        return new JSArray(null);
      case K.Function:
        return new JSFunction(null, HOST_WAIT_CODE, null);
      case K.Native:
        return new NativeFunction(null, 0, null, false);
      case K.Primitive:
        return new JSPrimitiveObject(null, Cls.Object, undefined);
      case K.Error:
        return new JSError(null, Cls.Error);
      case K.Date:
        return new JSDate(null, NaN);
      case K.Collection:
        return new JSCollection(null, Cls.Map);
      case K.Promise:
        return new JSPromise(null, Cls.Promise);
      case K.RegExp:
        return new JSRegExp(null, '', '', null);
      case K.Generator:
        return new JSGenerator(null, Cls.Generator);
      case K.Iterator:
        return new JSIterator(null, undefined, 0);
      case K.HostObject: {
        // (Intl formatters are the only such class)
        const C = (this.intlClass ??= hostClass(this.vm, 'Intl'));
        return new C(null, Cls.Object);
      }
      case K.Env:
        return new Env(0, null);
      case K.Accessor:
        return new Accessor(undefined, undefined);
      case K.Reaction:
        return new Reaction(null, undefined, undefined, null);
      case K.ResolveState:
        return { resolved: false };
      case K.ForIn:
        return new ForInState([], null);
    }
    return fail('corrupt snapshot: unknown node kind');
  }

  /**
   * Fills the run of plain objects from node `i` on that repeat the previous object record's
   * flags and shape (an array of like objects), a shape without accessors; returns the node
   * after the run. The shells are fresh (no slots), so this is fillObject without its checks.
   */
  fillRun(i: number): number {
    const kinds = this.kinds;
    const nodes = this.nodes;
    const k = this.lastShape;
    const f = this.lastFlags;
    const s = this.shapes[k];
    const proto = this.shapeProtos[k];
    const cls = (f >> 1) as Cls;
    const extensible = (f & 1) === 0;
    const n = s.keys.length;
    let j = i;
    for (; j < kinds.length && kinds[j] === (K.Object | SAME); j++) {
      const o = nodes[j] as JSObject;
      o.cls = cls;
      o.extensible = extensible;
      o.shape = s;
      o.proto = proto;
      this.dataSlots(o, n);
    }
    return j;
  }

  /** Reads an object's common part: flags, shape (or the previous record's), slots. */
  fillObject(o: JSObject): void {
    let f: number;
    let k: number;
    if (this.same) {
      if (this.lastShape < 0) fail('corrupt snapshot: no previous object record');
      f = this.lastFlags;
      k = this.lastShape;
    } else {
      f = int(this.val(), 'object flags', 0, 255);
      k = int(this.val(), 'shape index', 0, this.shapes.length - 1);
      this.lastFlags = f;
      this.lastShape = k;
    }
    o.cls = (f >> 1) as Cls;
    o.extensible = (f & 1) === 0;
    const s = this.shapes[k];
    o.shape = s;
    o.proto = this.shapeProtos[k];
    const n = s.keys.length;
    // (a shell has no slots yet; the global object and host objects have theirs replaced)
    if (o.slotCount !== 0) o.clearSlots();
    if (!this.shapeAccessors[k]) this.dataSlots(o, n);
    else for (let i = 0; i < n; i++) o.pushSlot(this.slot(s, i));
  }

  /** Reads `n` slots of a shape without accessors into `o`, which has none yet. */
  dataSlots(o: JSObject, n: number): void {
    if (n <= 4) {
      // the inline slot fields, in the order the values were written
      if (n > 0) o.s0 = this.dataSlot();
      if (n > 1) o.s1 = this.dataSlot();
      if (n > 2) o.s2 = this.dataSlot();
      if (n > 3) o.s3 = this.dataSlot();
      o.slotCount = n;
    } else for (let i = 0; i < n; i++) o.pushSlot(this.dataSlot());
  }

  /** Reads a slot of a shape without accessors: a value. */
  dataSlot(): Slot {
    // (small integers and short strings, the common slots, without the general dispatch)
    const r = this.r;
    const p = r.pos;
    if (p < r.end) {
      const t = r.buf[p];
      if (t >= W.SmallInt) {
        r.pos = p + 1;
        return t - W.SmallInt;
      }
      if (t >= W.ShortStr && t < W.ShortStr + 32 && t - W.ShortStr < r.end - p) {
        r.pos = p + 1;
        return r.str1(t - W.ShortStr);
      }
      // a two-byte varint (128 … 16383)
      if (t === W.UInt && p + 2 < r.end && r.buf[p + 1] >= 128 && r.buf[p + 2] < 128) {
        r.pos = p + 3;
        return (r.buf[p + 1] & 127) | (r.buf[p + 2] << 7);
      }
    }
    const v = this.val();
    if (typeof v === 'object' && v !== null && !(v instanceof JSObject || v instanceof GSymbol)) fail('corrupt snapshot: bad slot');
    return v as Slot;
  }

  /** Reads slot `i` of an object of shape `s`: a value, or an accessor pair where the shape says so. */
  slot(s: Shape, i: number): Slot {
    const v = this.val();
    if (v !== null && typeof v === 'object' && !(v instanceof JSObject || v instanceof GSymbol || v instanceof Accessor)) fail('corrupt snapshot: bad slot');
    if (((s.attrs[i] & 8) !== 0) !== v instanceof Accessor) fail('corrupt snapshot: accessor slot mismatch');
    return v as Slot;
  }

  fill(n: unknown, kind: number): void {
    switch (kind) {
      case K.Object:
        return this.fillObject(n as JSObject);
      case K.Array: {
        const a = n as JSArray;
        this.fillObject(a);
        a.elements = this.elements();
        a.writable = flag(this.val(), 'array flag');
        return;
      }
      case K.Function: {
        const f = n as JSFunction;
        this.fillObject(f);
        f.code = this.code(this.val());
        f.env = this.objOrNull(this.val(), Env, 'function environment');
        f.home = this.objOrNull(this.val(), JSObject, 'home object');
        f.fieldInit = this.objOrNull(this.val(), JSFunction, 'field initializer');
        return;
      }
      case K.Native: {
        const f = n as NativeFunction;
        this.fillObject(f);
        const name = this.string(this.val(), 'native name');
        const id = nativeIdByName(name);
        if (id === undefined) fail(`snapshot refers to a built-in this core does not have: ${name}`);
        f.nativeId = id;
        f.ctor = flag(this.val(), 'constructor flag');
        const d = isArr(this.val(), 'native data');
        switch (d[0]) {
          case D.None:
            f.data = null;
            break;
          case D.Object:
            f.data = this.obj(d[1], 'native data');
            break;
          case D.Bound:
            f.data = new BoundData(this.obj(d[1], 'bound target'), this.value(d[2]), this.valuesOf(d[3], 'bound arguments'));
            break;
          case D.Resolve: {
            const p = this.obj(d[1], 'promise');
            const st = d[2];
            if (!(p instanceof JSPromise) || st === null || typeof st !== 'object' || Object.getPrototypeOf(st) !== Object.prototype) {
              fail('corrupt snapshot: bad resolving function');
            }
            f.data = new PromiseResolveData(p, st as { resolved: boolean }, flag(d[3], 'reject flag'));
            break;
          }
          case D.Capability:
            f.data = new CapabilityData(this.string(d[1], 'capability name'));
            break;
          default:
            fail('corrupt snapshot: bad native data');
        }
        return;
      }
      case K.Primitive: {
        const o = n as JSPrimitiveObject;
        this.fillObject(o);
        o.value = this.nextValue();
        return;
      }
      case K.Error: {
        const o = n as JSError;
        this.fillObject(o);
        o.stackText = this.string(this.val(), 'stack');
        return;
      }
      case K.Date: {
        const o = n as JSDate;
        this.fillObject(o);
        o.time = num(this.val(), 'time');
        return;
      }
      case K.Collection: {
        const c = n as JSCollection;
        this.fillObject(c);
        c.keys = this.values('collection keys');
        c.values = this.values('collection values');
        c.size = int(this.val(), 'collection size');
        c.index = new Map();
        let live = 0;
        for (let i = 0; i < c.keys.length; i++) {
          const k = c.keys[i] as Value;
          if ((k as unknown) === HOLE) continue;
          if ((k as unknown) === TDZ || c.index.has(k)) fail('corrupt snapshot: bad collection key');
          c.index.set(k, i);
          live++;
        }
        if (live !== c.size) fail('corrupt snapshot: collection size mismatch');
        const base = int(this.val(), 'collection base');
        if (base) c.base = base;
        const seqs = this.val();
        const nextSeq = int(this.val(), 'collection position');
        if (seqs !== null) {
          const list = isArr(seqs, 'collection positions');
          if (list.length !== c.keys.length) fail('corrupt snapshot: bad collection positions');
          c.seqs = list.map((x) => int(x, 'collection position'));
          c.nextSeq = nextSeq;
        }
        return;
      }
      case K.Promise: {
        const p = n as JSPromise;
        this.fillObject(p);
        p.state = int(this.val(), 'promise state', 0, 2) as PromiseState;
        p.result = this.nextValue();
        p.reactions = isArr(this.val(), 'reactions').map((x) => {
          if (!(x instanceof Reaction)) fail('corrupt snapshot: bad reaction');
          return x;
        });
        p.handled = flag(this.val(), 'promise flag');
        return;
      }
      case K.RegExp: {
        const re = n as JSRegExp;
        this.fillObject(re);
        re.source = this.string(this.val(), 'regexp source');
        const flags = this.val();
        if (typeof flags !== 'string') fail('corrupt snapshot: bad regexp flags');
        re.flags = flags;
        re.compiled = null;
        const compiled = this.val();
        if (compiled !== null) {
          const c = isArr(compiled, 'regexp', 2);
          if (typeof c[1] !== 'string') fail('corrupt snapshot: bad regexp flags');
          try {
            re.compiled = compilePattern(null, this.string(c[0], 'regexp source'), c[1]);
          } catch {
            fail('corrupt snapshot: a regular expression does not compile');
          }
        }
        return;
      }
      case K.Generator: {
        const g = n as JSGenerator;
        this.fillObject(g);
        g.state = int(this.val(), 'generator state', 0, 4) as GenState;
        const frame = this.val();
        g.frame = frame === null ? null : this.savedFrame(isArr(frame, 'saved frame', 8));
        g.promise = this.objOrNull(this.val(), JSPromise, 'generator promise');
        g.queue = isArr(this.val(), 'generator queue').map((q) => {
          const e = isArr(q, 'generator request', 3);
          const p = this.obj(e[2], 'request promise');
          if (!(p instanceof JSPromise)) fail('corrupt snapshot: bad request promise');
          return [int(e[0], 'request kind', 0, 2), this.value(e[1]), p] as [number, Value, JSPromise];
        });
        return;
      }
      case K.Iterator: {
        const it = n as JSIterator;
        this.fillObject(it);
        it.target = this.nextValue();
        it.kind = int(this.val(), 'iterator kind', 0, 2);
        it.pos = int(this.val(), 'iterator position');
        it.done = flag(this.val(), 'iterator flag');
        return;
      }
      case K.HostObject: {
        const o = n as JSObject;
        this.fillObject(o);
        if (this.val() !== 'Intl') fail('corrupt snapshot: unknown internal class');
        const fields = isArr(this.val(), 'host fields');
        if (fields.length % 2) fail('corrupt snapshot: bad host fields');
        for (let i = 0; i < fields.length; i += 2) {
          const k = fields[i];
          const f = isArr(fields[i + 1], 'host field', 2);
          if (typeof k !== 'string' || !Object.prototype.hasOwnProperty.call(o, k) || baseFields().has(k)) fail('corrupt snapshot: bad host field');
          if (f[0] !== 1 && !isPlain(f[1], 0)) fail('corrupt snapshot: bad host field');
          (o as unknown as Record<string, unknown>)[k] = f[0] === 1 ? this.obj(f[1], 'host field') : f[1];
        }
        return;
      }
      case K.Env: {
        const e = n as Env;
        e.parent = this.objOrNull(this.val(), Env, 'parent environment');
        e.vars = this.values('environment');
        return;
      }
      case K.Accessor: {
        const a = n as Accessor;
        a.get = this.objOrNull(this.val(), JSObject, 'getter') ?? undefined;
        a.set = this.objOrNull(this.val(), JSObject, 'setter') ?? undefined;
        return;
      }
      case K.Reaction: {
        const x = n as Reaction;
        x.capability = this.objOrNull(this.val(), JSPromise, 'reaction promise');
        x.onFulfilled = this.nextValue();
        x.onRejected = this.nextValue();
        x.resume = this.objOrNull(this.val(), JSGenerator, 'reaction generator');
        return;
      }
      case K.ResolveState:
        (n as { resolved: boolean }).resolved = flag(this.val(), 'resolve state');
        return;
      case K.ForIn: {
        const s = n as ForInState;
        s.keys = isArr(this.val(), 'for-in keys').map((k) => this.string(k, 'for-in key'));
        s.obj = this.objOrNull(this.val(), JSObject, 'for-in object');
        s.pos = int(this.val(), 'for-in position');
        return;
      }
      case K.Symbol:
      case K.PrivateName:
        return;
    }
    fail('corrupt snapshot: unknown node kind');
  }

  savedFrame(r: unknown[]): SavedFrame {
    const fn = this.obj(r[0], 'frame function');
    if (!(fn instanceof JSFunction)) fail('corrupt snapshot: bad frame function');
    const pc = int(r[1], 'pc');
    const values = this.valuesOf(r[2], 'frame values');
    const tryStack = isArr(r[6], 'try stack').map((x) => int(x, 'try stack', -1));
    const tryEnvs = isArr(r[7], 'try environments').map((x) => this.objOrNull(x, Env, 'try environment'));
    if (tryStack.length !== tryEnvs.length * 2) fail('corrupt snapshot: bad try stack');
    const f = new SavedFrame(fn, pc, values, this.objOrNull(r[3], Env, 'frame environment'), this.value(r[4]), this.value(r[5]), tryStack, tryEnvs);
    this.savedFrames.push(f);
    return f;
  }
}


/** Plain host data as read: scalars, arrays and plain records (no guest objects or markers). */
function isPlain(v: unknown, depth: number): boolean {
  if (v === null || typeof v !== 'object') return typeof v !== 'bigint';
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(v)) return v.every((x) => isPlain(x, depth + 1));
  return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every((x) => isPlain(x, depth + 1));
}

/** The class of a built-in module's object kind, found through the realm (Intl formatters). */
function hostClass(vm: VM, name: unknown): new (proto: JSObject | null, cls: Cls) => JSObject {
  if (name === 'Intl') {
    const C = vm.realm.globalObject.getSlot(vm.realm.globalObject.shape.index.get('Intl') ?? -1);
    if (C instanceof JSObject) {
      const nf = C.getSlot(C.shape.index.get('NumberFormat') ?? -1);
      if (nf instanceof NativeFunction) {
        const saved = [vm.allocations, vm.heapBytes];
        const inst = vm.callSync(nf, undefined, []);
        [vm.allocations, vm.heapBytes] = saved;
        if (inst instanceof JSObject) return inst.constructor as new (proto: JSObject | null, cls: Cls) => JSObject;
      }
    }
  }
  return fail(`snapshot refers to an object kind this core does not have: ${String(name)}`);
}

/**
 * Rebuilds the state in `vm` (fresh, from prepare()) from the rest of a payload whose head
 * {@link openPayload} read; returns the execution state.
 */
export function decodeState(
  vm: VM,
  program: CompiledProgram,
  r: Reader,
  head: PayloadHead,
): { phase: number; result: Value; usedMs: number; status: 'paused' | 'suspended'; breakpoint: boolean } {
  const d = new Decoder(vm, program, r);
  if (head.table[0] !== d.table.size || head.table[1] !== d.table.fingerprint) {
    fail('snapshot was taken with different built-ins (intrinsic table mismatch): restore it with the core build that took it');
  }
  d.readNodes();
  const realm = vm.realm;
  r.lastRef = -1;
  d.arr('roots', ROOTS);
  // the global object (per VM): its properties as the snapshot had them
  const gl = d.arr('global object');
  d.same = false;
  d.fillObject(realm.globalObject);
  if (gl !== 2 + realm.globalObject.slotCount) fail('corrupt snapshot: bad global object');
  const reg = d.values('symbol registry');
  if (reg.length) {
    const m = new Map<string, GSymbol>();
    for (const s of reg) {
      if (!(s instanceof GSymbol) || !s.key?.startsWith('registry:')) fail('corrupt snapshot: bad registry symbol');
      m.set(s.key.slice(9), s);
    }
    realm.symbolRegistry = m;
  }
  // the value stack and frames
  const stack = d.values('stack');
  const sp = stack.length;
  for (let i = 0; i < sp; i++) vm.stack[i] = stack[i];
  vm.stack.length = sp;
  vm.sp = sp;
  vm.frames.length = 0;
  for (const x of isArr(d.val(), 'frames')) {
    const r = isArr(x, 'frame', 17);
    const fn = d.obj(r[0], 'frame function');
    if (!(fn instanceof JSFunction)) fail('corrupt snapshot: bad frame function');
    const code = d.code(r[1]);
    const base = int(r[2], 'frame base', 0, sp);
    const retSlot = int(r[3], 'frame result slot', 0, sp);
    const f = new Frame(fn, code, base, retSlot, d.objOrNull(r[4], Env, 'frame environment'), d.value(r[5]), d.value(r[6]), int(r[7], 'continuation', 0, 31) as Cont, contData(d, r[8]));
    f.pc = int(r[9], 'pc', 0, code.code.length);
    f.tryStack = isArr(r[10], 'try stack').map((t) => int(t, 'try stack', -1));
    f.tryEnvs = isArr(r[11], 'try environments').map((t) => d.objOrNull(t, Env, 'try environment'));
    if (f.tryStack.length !== f.tryEnvs.length * 2) fail('corrupt snapshot: bad try stack');
    f.gen = d.objOrNull(r[12], JSGenerator, 'frame generator');
    f.asyncFirst = flag(r[13], 'frame flag');
    f.resumeMode = int(r[14], 'resume mode', 0, 2);
    f.outerCont = int(r[15], 'continuation', 0, 31) as Cont;
    f.outerData = contData(d, r[16]);
    vm.frames.push(f);
  }
  const fi = int(d.val(), 'current frame', -1, vm.frames.length - 1);
  vm.frame = fi < 0 ? null : vm.frames[fi];
  // jobs
  const jobs: Job[] = [];
  for (const x of isArr(d.val(), 'jobs')) {
    const j = isArr(x, 'job', 4);
    if (j[0] === 0) {
      const reaction = j[1];
      if (!(reaction instanceof Reaction)) fail('corrupt snapshot: bad job');
      jobs.push({ kind: 0, reaction, arg: d.value(j[2]), rejected: flag(j[3], 'job flag') });
    } else if (j[0] === 1) {
      const promise = d.obj(j[1], 'job promise');
      if (!(promise instanceof JSPromise)) fail('corrupt snapshot: bad job');
      jobs.push({ kind: 1, promise, thenable: d.obj(j[2], 'thenable'), then: d.obj(j[3], 'then') });
    } else if (j[0] === 2) {
      const gen = d.obj(j[1], 'job generator');
      if (!(gen instanceof JSGenerator)) fail('corrupt snapshot: bad job');
      jobs.push({ kind: 2, gen, value: d.value(j[2]), rejected: flag(j[3], 'job flag') });
    } else fail('corrupt snapshot: bad job');
  }
  vm.jobs = jobs;
  vm.jobHead = 0;
  // host calls
  const h = isArr(d.val(), 'host calls', 4);
  const host = new HostCalls();
  host.nextId = int(h[0], 'call id', 1);
  const calls = (x: unknown): HostCall[] =>
    isArr(x, 'host calls').map((y) => {
      const c = isArr(y, 'host call', 7);
      const args = d.obj(c[2], 'call arguments');
      if (!(args instanceof JSArray)) fail('corrupt snapshot: bad call arguments');
      const call = new HostCall(int(c[0], 'call id', 1, host.nextId - 1), d.string(c[1], 'capability'), args, d.objOrNull(c[3], JSPromise, 'call promise'));
      call.done = flag(c[4], 'call flag');
      call.ok = flag(c[5], 'call flag');
      call.value = d.value(c[6]);
      return call;
    });
  host.inflight = calls(h[1]);
  host.queued = calls(h[2]);
  host.answered = calls(h[3]);
  vm.host = host;
  // template objects
  const tt = tablesOf(program);
  const tl = isArr(d.val(), 'templates');
  vm.templateCache.clear();
  if (tl.length % 3) fail('corrupt snapshot: bad templates');
  if (tl.length) {
    const byLoc = new Map<string, TemplateConst>();
    for (const [t, [fn, k]] of tt.templates) byLoc.set(`${fn}:${k}`, t);
    for (let i = 0; i < tl.length; i += 3) {
      const t = byLoc.get(`${tl[i]}:${tl[i + 1]}`);
      const arr = tl[i + 2];
      if (!t || !(arr instanceof JSArray)) fail('corrupt snapshot: bad template reference');
      vm.templateCache.set(t, arr);
    }
  }
  const pending = d.val();
  if (pending !== null) {
    const pt = isArr(pending, 'pending throw', 1);
    (vm as unknown as { pendingThrow: { value: Value } | null }).pendingThrow = { value: d.value(pt[0]) };
  }
  const ex = isArr(d.val(), 'execution state', 4);
  // counters
  const c = isArr(d.val(), 'counters', 9);
  vm.instructions = int(c[0], 'instruction count');
  vm.allocations = int(c[1], 'allocation count');
  vm.heapBytes = num(c[2], 'heap bytes');
  (vm as unknown as { sinceMark: number }).sinceMark = num(c[3], 'heap counter');
  vm.markEvery = num(c[4], 'heap counter');
  vm.liveBytes = num(c[5], 'heap bytes');
  const rng = isArr(c[6], 'random state', 4).map((x) => int(x, 'random state', -0x80000000, 0xffffffff));
  vm.rng = rng;
  realm.regexSteps = num(c[7], 'regex steps');
  realm.regexCompiled = c[8] === null ? undefined : new Set(isArr(c[8], 'regex cache').map((x) => d.string(x, 'regex key')));
  if (r.pos !== r.end) fail('corrupt snapshot: trailing payload data');
  return {
    phase: int(ex[0], 'phase', 0, 1),
    result: d.value(ex[1]),
    usedMs: num(ex[2], 'time used'),
    status: int(ex[3], 'status', 0, 2) === 1 ? 'suspended' : 'paused',
    breakpoint: ex[3] === 2,
  };
}

function contData(d: Decoder, x: unknown): Frame['contData'] {
  if (x === null) return null;
  const v = d.value(x);
  if (typeof v === 'number' || v instanceof JSObject) return v as Frame['contData'];
  return fail('corrupt snapshot: bad continuation data');
}

export { FnFlags, Marker };
