/**
 * The snapshot payload: an execution's complete state as plain msgpack data (arrays,
 * numbers, strings), and its decoding into a fresh VM.
 *
 * Values in "generic" positions (slots, elements, registers, environment variables…):
 * - strings (well-formed UTF-16), booleans, null and undefined as themselves;
 * - numbers as themselves when they cannot be mistaken for a reference: non-negative
 *   integers other than -0, and non-integers (fractions, NaN, ±Infinity);
 * - a reference to node `i` (an intrinsic, or a heap node of this snapshot) as `-(i + 1)`;
 * - everything else as a small tagged array: negative integers, -0, bigints, array holes,
 *   TDZ markers and strings with lone surrogates (msgpack strings are UTF-8).
 *
 * Nodes: indices `0 … table.size - 1` are the intrinsic table (see intrinsics.ts); the
 * rest are this snapshot's heap nodes in `nodes`, each an array whose first element is
 * its kind. Shapes are listed once in `shapes` as (prototype, dictionary, keys, attrs)
 * and rebuilt on restore through the same transitions, so restored objects share shapes
 * as the originals did.
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

// ---- tags and kinds --------------------------------------------------------------------

const enum T {
  NegInt = 0,
  NegZero = 1,
  BigInt = 2,
  Hole = 3,
  Tdz = 4,
  Str16 = 5,
}

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

const enum D {
  None = 0,
  Object = 1,
  Bound = 2,
  Resolve = 3,
  Capability = 4,
}

/** Code references: program functions by index, prelude functions by -(index+1), HostWait by name. */
type CodeRef = number | string;

// ---- the decoded payload ---------------------------------------------------------------

export interface Payload {
  /** Intrinsic table size and fingerprint (must match the restoring core's). */
  table: [number, number];
  /** Capability names, in declaration order. */
  caps: string[];
  seed: number;
  /** Execution state: [phase, result, usedMs, outcome status (0 paused, 1 suspended)]. */
  exec: [number, unknown, number, number];
  /** VM counters: [instructions, allocations, heapBytes, sinceMark, markEvery, liveBytes, rng[4], regexSteps, regexCompiled[]]. */
  counters: unknown[];
  shapes: unknown[];
  /** Node kinds, one byte per heap node. */
  kinds: Uint8Array;
  /** Node records, flat, in node order. */
  data: unknown[];
  /** Symbol and private name records, in node order. */
  syms: unknown[];
  /** Global object state (as a flat Object record). */
  global: unknown[];
  /** Symbol.for registry: symbol refs. */
  registry: unknown[];
  stack: unknown[];
  frames: unknown[];
  /** Index of vm.frame in frames, or -1. */
  frame: number;
  jobs: unknown[];
  host: unknown[];
  templates: unknown[];
  /** A pending throw a debugger stopped at: [value], or null. */
  pending: unknown[] | null;
}

// ---- helpers --------------------------------------------------------------------------

function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

function str16(s: string): unknown {
  const b = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    b[i * 2] = c & 255;
    b[i * 2 + 1] = c >> 8;
  }
  return [T.Str16, b];
}

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

class Encoder {
  readonly table: IntrinsicTable;
  /** Nodes that are not JSObjects or environments (accessors, reactions, symbols…). */
  readonly ids = new Map<object, number>();
  readonly queue: Node[] = [];
  /** Objects and environments whose `markEpoch` holds their node number (reset at the end). */
  readonly marked: (JSObject | Env)[] = [];
  readonly kinds: number[] = [];
  /** Node records, flat, in node order. */
  readonly data: unknown[] = [];
  /** Symbol and private name records, in node order. */
  readonly syms: unknown[] = [];
  readonly shapeIds = new Map<Shape, Map<JSObject | null, number>>();
  readonly shapes: unknown[] = [];
  readonly preludeFns: FunctionCode[];
  /** The previous object record's flags and shape: a record repeating both omits them (kind | SAME). */
  lastFlags = -1;
  lastShape = -1;
  sameHead = false;

  constructor(
    readonly vm: VM,
    readonly program: CompiledProgram,
  ) {
    this.table = intrinsicTable(vm.realm);
    this.preludeFns = compiledPrelude().functions;
  }

  /**
   * The node number of `o` (assigning one on first sight). Heap objects and environments
   * keep it in `markEpoch` as -(n + 1) for the length of the snapshot (the heap mark uses
   * positive epochs); `release` puts 0 back.
   */
  ref(o: Node): number {
    if (o instanceof JSObject || o instanceof Env) {
      const m = o.markEpoch;
      if (m < 0) return -m - 1;
      const k = intrinsicIndex(this.vm.realm, this.table, o);
      if (k >= 0) return k;
      const i = this.table.size + this.queue.length;
      if (i >= 0x3fffffff) fail('cannot snapshot: too many objects');
      this.queue.push(o);
      o.markEpoch = -(i + 1);
      this.marked.push(o);
      return i;
    }
    let i = this.ids.get(o);
    if (i !== undefined) return i;
    i = this.table.size + this.queue.length;
    this.ids.set(o, i);
    this.queue.push(o);
    return i;
  }

  release(): void {
    for (const o of this.marked) o.markEpoch = 0;
    this.marked.length = 0;
  }

  refOrNull(o: Node | null | undefined): number | null {
    return o === null || o === undefined ? null : -(this.ref(o) + 1);
  }

  value(v: unknown): unknown {
    switch (typeof v) {
      case 'string':
        return isWellFormed(v) ? v : str16(v);
      case 'number':
        if (Number.isInteger(v)) {
          if (v > 0) return v;
          if (v === 0) return Object.is(v, -0) ? [T.NegZero] : 0;
          return [T.NegInt, -v];
        }
        return v;
      case 'boolean':
      case 'undefined':
        return v;
      case 'bigint':
        return [T.BigInt, v.toString(16)];
    }
    if (v === null) return null;
    if (
      v instanceof JSObject ||
      v instanceof Env ||
      v instanceof Accessor ||
      v instanceof GSymbol ||
      v instanceof PrivateName ||
      v instanceof ForInState ||
      v instanceof Reaction
    ) {
      return -(this.ref(v) + 1);
    }
    if (v === HOLE) return [T.Hole];
    if (v === TDZ) return [T.Tdz];
    return fail(`cannot snapshot a host value of type ${(v as object)?.constructor?.name ?? typeof v}`);
  }

  values(vs: readonly unknown[]): unknown[] {
    const out = new Array<unknown>(vs.length);
    for (let i = 0; i < vs.length; i++) out[i] = this.value(vs[i]);
    return out;
  }

  code(c: FunctionCode): CodeRef {
    if (c === HOST_WAIT_CODE) return 'hostwait';
    if (c.unit.functions === this.program.functions && this.program.functions[c.index] === c) return c.index;
    if (c.unit.functions === this.preludeFns && this.preludeFns[c.index] === c) return -(c.index + 1);
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

  shapeIndex(o: JSObject, s: Shape): number {
    let byProto = this.shapeIds.get(s);
    if (byProto === undefined) this.shapeIds.set(s, (byProto = new Map()));
    let i = byProto.get(o.proto);
    if (i === undefined) {
      i = this.shapes.length;
      byProto.set(o.proto, i);
      // the global object's shape usually extends the template's (built-ins, then inputs and capabilities)
      const base = o === this.vm.realm.globalObject ? this.vm.realm.template.globalShape : null;
      const n = base && !s.dictionary && extendsShape(s, base) ? base.keys.length : -1;
      if (n >= 0) this.shapes.push([this.refOrNull(o.proto), 2, this.values(s.keys.slice(n)), s.attrs.slice(n)]);
      else this.shapes.push([this.refOrNull(o.proto), s.dictionary ? 1 : 0, this.values(s.keys), s.attrs.slice()]);
    }
    return i;
  }

  /** flags (cls << 1 | !extensible), shape, then the slots (as many as the shape has keys). */
  objectHead(o: JSObject, out: unknown[]): void {
    const flags = (o.cls << 1) | (o.extensible ? 0 : 1);
    const shape = this.shape(o);
    if (out === this.data && flags === this.lastFlags && shape === this.lastShape) this.sameHead = true;
    else {
      out.push(flags, shape);
      if (out === this.data) {
        this.lastFlags = flags;
        this.lastShape = shape;
      }
    }
    const slots = o.slots;
    for (let i = 0; i < slots.length; i++) out.push(this.value(slots[i]));
  }

  savedFrame(f: SavedFrame): unknown[] {
    return [
      this.value(f.fn),
      f.pc,
      this.values(f.values),
      this.refOrNull(f.env),
      this.value(f.thisValue),
      this.value(f.newTarget),
      f.tryStack.slice(),
      f.tryEnvs.map((e) => this.refOrNull(e)),
    ];
  }

  /** Appends the record of `n` to `data`; returns its kind. */
  record(n: Node): K {
    const out = this.data;
    if (n instanceof JSObject) {
      const C = n.constructor;
      if (C === JSObject) {
        this.objectHead(n, out);
        return K.Object;
      }
      if (n instanceof JSArray) {
        this.objectHead(n, out);
        out.push(this.values(n.elements), n.writable ? 1 : 0);
        return K.Array;
      }
      if (n instanceof JSFunction) {
        this.objectHead(n, out);
        out.push(this.code(n.code), this.refOrNull(n.env), this.refOrNull(n.home), this.refOrNull(n.fieldInit));
        return K.Function;
      }
      if (n instanceof NativeFunction) {
        const name = nativeName(n.nativeId);
        if (name === undefined) fail(`cannot snapshot native function #${n.nativeId}`);
        const d = n.data;
        let data: unknown[];
        if (d === null) data = [D.None];
        else if (d instanceof JSObject) data = [D.Object, this.value(d)];
        else if (d instanceof BoundData) data = [D.Bound, this.value(d.target), this.value(d.boundThis), this.values(d.args)];
        else if (d instanceof PromiseResolveData) data = [D.Resolve, this.value(d.promise), -(this.ref(d.state) + 1), d.reject ? 1 : 0];
        else if (d instanceof CapabilityData) data = [D.Capability, this.value(d.name)];
        else return fail(`cannot snapshot native ${name}: unknown internal data`);
        this.objectHead(n, out);
        out.push(this.value(name), n.ctor ? 1 : 0, data);
        return K.Native;
      }
      if (n instanceof JSPrimitiveObject) {
        this.objectHead(n, out);
        out.push(this.value(n.value));
        return K.Primitive;
      }
      if (n instanceof JSError) {
        this.objectHead(n, out);
        out.push(this.value(n.stackText));
        return K.Error;
      }
      if (n instanceof JSDate) {
        this.objectHead(n, out);
        out.push(n.time);
        return K.Date;
      }
      if (n instanceof JSCollection) {
        this.objectHead(n, out);
        out.push(this.values(n.keys), this.values(n.values), n.size, n.base ?? 0, n.seqs ? n.seqs.slice() : null, n.nextSeq ?? 0);
        return K.Collection;
      }
      if (n instanceof JSPromise) {
        this.objectHead(n, out);
        out.push(n.state, this.value(n.result), n.reactions.map((r) => this.value(r)), n.handled ? 1 : 0);
        return K.Promise;
      }
      if (n instanceof JSRegExp) {
        const c = n.compiled as { source: string; flags: string } | null;
        const compiled = c && typeof c === 'object' && typeof c.source === 'string' ? [this.value(c.source), c.flags] : null;
        this.objectHead(n, out);
        out.push(this.value(n.source), n.flags, compiled);
        return K.RegExp;
      }
      if (n instanceof JSGenerator) {
        this.objectHead(n, out);
        out.push(
          n.state,
          n.frame ? this.savedFrame(n.frame) : null,
          this.refOrNull(n.promise),
          n.queue.map(([k, v, p]) => [k, this.value(v), this.value(p)]),
        );
        return K.Generator;
      }
      if (n instanceof JSIterator) {
        this.objectHead(n, out);
        out.push(this.value(n.target), n.kind, n.pos, n.done ? 1 : 0);
        return K.Iterator;
      }
      return this.hostObject(n);
    }
    if (n instanceof Env) {
      const vars = n.vars;
      out.push(this.refOrNull(n.parent), vars.length);
      for (let i = 0; i < vars.length; i++) out.push(this.value(vars[i]));
      return K.Env;
    }
    if (n instanceof Accessor) {
      out.push(this.refOrNull(n.get), this.refOrNull(n.set));
      return K.Accessor;
    }
    if (n instanceof Reaction) {
      out.push(this.refOrNull(n.capability), this.value(n.onFulfilled), this.value(n.onRejected), this.refOrNull(n.resume));
      return K.Reaction;
    }
    if (n instanceof ForInState) {
      out.push(this.values(n.keys), this.refOrNull(n.obj), n.pos);
      return K.ForIn;
    }
    if (n instanceof GSymbol) {
      this.syms.push([this.value(n.description), this.value(n.key), n.wellKnown ? 1 : 0]);
      return K.Symbol;
    }
    if (n instanceof PrivateName) {
      this.syms.push([this.value(n.description)]);
      return K.PrivateName;
    }
    // the shared `resolved` flag of a resolve/reject pair
    out.push((n as { resolved: boolean }).resolved ? 1 : 0);
    return K.ResolveState;
  }

  /**
   * Objects of classes defined by built-in modules (Intl formatters): their own host
   * fields, which must be plain data or guest objects.
   */
  hostObject(n: JSObject): K {
    const base = baseFields();
    const fields: unknown[] = [];
    for (const k of Object.keys(n)) {
      if (base.has(k)) continue;
      const v = (n as unknown as Record<string, unknown>)[k];
      fields.push(k, v instanceof JSObject ? [1, this.value(v)] : [0, plainData(v, k)]);
    }
    // a stable tag, not the class name (bundlers may rename classes)
    const tag = 'nf' in n && 'dtf' in n ? 'Intl' : null;
    if (tag === null) return fail(`cannot snapshot an object of internal class ${n.constructor.name}`);
    this.objectHead(n, this.data);
    this.data.push(tag, fields);
    return K.HostObject;
  }

  drain(): void {
    for (let i = this.kinds.length; i < this.queue.length; i++) {
      this.sameHead = false;
      const k = this.record(this.queue[i]);
      this.kinds.push(this.sameHead ? k | SAME : k);
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

/** Encodes the state of `vm` (between steps) and its execution. */
export function encodeState(vm: VM, program: CompiledProgram, ex: ExecState): Payload {
  const e = new Encoder(vm, program);
  try {
    return encodeWith(e, vm, program, ex);
  } finally {
    e.release();
  }
}

function encodeWith(e: Encoder, vm: VM, program: CompiledProgram, ex: ExecState): Payload {
  const realm = vm.realm;
  const global: unknown[] = [];
  e.objectHead(realm.globalObject, global);
  const registry = realm.symbolRegistry ? [...realm.symbolRegistry.values()].map((s) => e.value(s)) : [];
  const stack = e.values(vm.stack.slice(0, vm.sp));
  const frames = vm.frames.map((f) => [
    e.value(f.fn),
    e.code(f.code),
    f.base,
    f.retSlot,
    e.refOrNull(f.env),
    e.value(f.thisValue),
    e.value(f.newTarget),
    f.cont,
    e.value(f.contData),
    f.pc,
    f.tryStack.slice(),
    f.tryEnvs.map((x) => e.refOrNull(x)),
    e.refOrNull(f.gen),
    f.asyncFirst ? 1 : 0,
    f.resumeMode,
    f.outerCont,
    e.value(f.outerData),
  ]);
  const frame = vm.frame === null ? -1 : vm.frames.lastIndexOf(vm.frame);
  if (vm.frame !== null && frame < 0) fail('cannot snapshot: the current frame is not on the frame stack');
  const jobs: unknown[] = [];
  for (let i = vm.jobHead; i < vm.jobs.length; i++) {
    const j = vm.jobs[i];
    if (j.kind === 0) jobs.push([0, e.value(j.reaction), e.value(j.arg), j.rejected ? 1 : 0]);
    else if (j.kind === 1) jobs.push([1, e.value(j.promise), e.value(j.thenable), e.value(j.then)]);
    else jobs.push([2, e.value(j.gen), e.value(j.value), j.rejected ? 1 : 0]);
  }
  const call = (c: HostCall) => [c.id, e.value(c.capability), e.value(c.args), e.refOrNull(c.promise), c.done ? 1 : 0, c.ok ? 1 : 0, e.value(c.value)];
  const h = vm.host;
  const host = [h.nextId, h.inflight.map(call), h.queued.map(call), h.answered.map(call)];
  const tt = tablesOf(program);
  const templates: unknown[] = [];
  for (const [t, arr] of vm.templateCache) {
    const loc = tt.templates.get(t);
    if (!loc) fail('cannot snapshot a template object of code outside the program');
    templates.push(loc[0], loc[1], e.value(arr));
  }
  const result = e.value(ex.result);
  const vmx = vm as unknown as { sinceMark: number; pendingThrow?: { value: Value } | null };
  // a throw a debugger stopped at (it unwinds when the run continues)
  const pending = vmx.pendingThrow ? [e.value(vmx.pendingThrow.value)] : null;
  const counters = [
    vm.instructions,
    vm.allocations,
    vm.heapBytes,
    vmx.sinceMark,
    vm.markEvery,
    vm.liveBytes,
    vm.rng.slice(),
    realm.regexSteps ?? 0,
    realm.regexCompiled ? [...realm.regexCompiled].map((s) => e.value(s)) : null,
  ];
  e.drain();
  return {
    table: [e.table.size, e.table.fingerprint],
    caps: ex.caps,
    seed: ex.seed,
    exec: [ex.phase, result, ex.usedMs, ex.status === 'suspended' ? 1 : ex.breakpoint ? 2 : 0],
    counters,
    shapes: e.shapes,
    kinds: Uint8Array.from(e.kinds),
    data: e.data,
    syms: e.syms,
    global,
    registry,
    stack,
    frames,
    frame,
    jobs,
    host,
    templates,
    pending,
  };
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

class Decoder {
  readonly table: IntrinsicTable;
  readonly nodes: unknown[] = [];
  readonly shapes: (Shape | null)[];
  readonly shapeProtos: (JSObject | null)[] = [];
  readonly preludeFns: FunctionCode[];
  /** The flat record stream being read, and the read position. */
  data: unknown[] = [];
  at = 0;
  intlClass: (new (proto: JSObject | null, cls: Cls) => JSObject) | null = null;
  /** The current record omits flags and shape (see SAME); the previous object record's. */
  same = false;
  lastFlags = -1;
  lastShape = -1;
  /** Saved frames, to check their pcs once every function has its code. */
  readonly savedFrames: SavedFrame[] = [];

  constructor(
    readonly vm: VM,
    readonly program: CompiledProgram,
    readonly p: Payload,
  ) {
    this.table = intrinsicTable(vm.realm);
    this.preludeFns = compiledPrelude().functions;
    this.shapes = new Array<Shape | null>(isArr(p.shapes, 'shapes').length).fill(null);
  }

  next(): unknown {
    if (this.at >= this.data.length) fail('corrupt snapshot: records end early');
    return this.data[this.at++];
  }

  node(i: number): unknown {
    if (i < this.table.size) return intrinsicAt(this.vm.realm, this.table, i);
    const n = this.nodes[i - this.table.size];
    if (n === undefined) fail('corrupt snapshot: reference out of range');
    return n;
  }

  /** A guest value: no internal records (environments, accessors, reactions). */
  value(x: unknown): Value {
    const v = this.raw(x);
    if (v !== null && typeof v === 'object' && !(v instanceof JSObject || v instanceof GSymbol || v instanceof PrivateName || v instanceof Marker || v instanceof ForInState)) {
      fail('corrupt snapshot: an internal record where a value belongs');
    }
    return v as Value;
  }

  /** Any decoded value or node. */
  raw(x: unknown): unknown {
    switch (typeof x) {
      case 'string':
      case 'boolean':
      case 'undefined':
        return x;
      case 'number':
        if (x < 0 && Number.isInteger(x)) return this.node(-x - 1);
        return x;
    }
    if (x === null) return null;
    if (!Array.isArray(x) || x.length === 0) return fail('corrupt snapshot: bad value');
    switch (x[0]) {
      case T.NegInt: {
        const n = x[1];
        if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) fail('corrupt snapshot: bad number');
        return -n;
      }
      case T.NegZero:
        return -0;
      case T.BigInt:
        if (typeof x[1] !== 'string' || !/^-?[0-9a-f]+$/.test(x[1])) fail('corrupt snapshot: bad bigint');
        return x[1].startsWith('-') ? -BigInt('0x' + x[1].slice(1)) : BigInt('0x' + x[1]);
      case T.Hole:
        return HOLE;
      case T.Tdz:
        return TDZ;
      case T.Str16: {
        const b = x[1];
        if (!(b instanceof Uint8Array) || b.length % 2) fail('corrupt snapshot: bad string');
        let s = '';
        for (let i = 0; i < b.length; i += 2) s += String.fromCharCode(b[i] | (b[i + 1] << 8));
        return s;
      }
    }
    return fail('corrupt snapshot: unknown value tag');
  }

  /** (Built by push: packed arrays, like the VM's own — a preallocated array would stay holey.) */
  values(x: unknown, what: string): Value[] {
    const a = isArr(x, what);
    const out: Value[] = [];
    for (let i = 0; i < a.length; i++) out.push(this.value(a[i]));
    return out;
  }

  string(x: unknown, what: string): string {
    const v = this.value(x);
    if (typeof v !== 'string') fail(`corrupt snapshot: bad ${what}`);
    return v;
  }

  obj(x: unknown, what: string): JSObject {
    const v = this.value(x);
    if (!(v instanceof JSObject)) fail(`corrupt snapshot: bad ${what}`);
    return v;
  }

  objOrNull<C extends abstract new (...a: never[]) => unknown>(x: unknown, C: C, what: string): InstanceType<C> | null {
    if (x === null) return null;
    const v = typeof x === 'number' && x < 0 && Number.isInteger(x) ? this.node(-x - 1) : undefined;
    if (!(v instanceof C)) fail(`corrupt snapshot: bad ${what}`);
    return v as InstanceType<C>;
  }

  code(x: unknown): FunctionCode {
    if (x === 'hostwait') return HOST_WAIT_CODE;
    if (typeof x === 'number' && Number.isInteger(x)) {
      const c = x >= 0 ? this.program.functions[x] : this.preludeFns[-x - 1];
      if (c) return c;
    }
    return fail('corrupt snapshot: bad function reference');
  }

  shape(i: unknown): number {
    const k = int(i, 'shape index', 0, this.shapes.length - 1);
    if (this.shapes[k]) return k;
    const rec = isArr(this.p.shapes[k], 'shape', 4);
    const proto = this.objOrNull(rec[0], JSObject, 'shape prototype');
    const mode = int(rec[1], 'shape kind', 0, 2);
    const dict = mode === 1;
    const keys = this.values(rec[2], 'shape keys') as unknown[];
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
    this.shapes[k] = s;
    this.shapeProtos[k] = proto;
    return k;
  }

  /** Creates every node's shell (so references resolve), then fills them from the record stream. */
  nodesFrom(kindsX: unknown, data: unknown, symsX: unknown): void {
    if (!(kindsX instanceof Uint8Array)) fail('corrupt snapshot: bad node kinds');
    const kinds = kindsX;
    const syms = isArr(symsX, 'symbols');
    let si = 0;
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[i] & ~SAME;
      if ((kinds[i] & SAME) !== 0 && !((k >= K.Object && k <= K.Iterator) || k === K.HostObject)) fail('corrupt snapshot: bad node kind');
      if (k === K.Symbol || k === K.PrivateName) {
        if (si >= syms.length) fail('corrupt snapshot: symbols end early');
        this.nodes.push(this.symbol(k, isArr(syms[si++], 'symbol')));
      } else this.nodes.push(this.shell(k));
    }
    if (si !== syms.length) fail('corrupt snapshot: extra symbols');
    this.data = isArr(data, 'records');
    this.at = 0;
    for (let i = 0; i < kinds.length; i++) {
      this.same = (kinds[i] & SAME) !== 0;
      this.fill(this.nodes[i], kinds[i] & ~SAME);
    }
    this.same = false;
    if (this.at !== this.data.length) fail('corrupt snapshot: extra record data');
    for (const f of this.savedFrames) {
      if (f.pc > f.fn.code.code.length) fail('corrupt snapshot: bad pc');
    }
  }

  symbol(kind: number, r: unknown[]): GSymbol | PrivateName {
    if (kind === K.PrivateName) {
      if (r.length !== 1) fail('corrupt snapshot: bad private name');
      return new PrivateName(this.string(r[0], 'private name'));
    }
    if (r.length !== 3) fail('corrupt snapshot: bad symbol');
    const desc = this.value(r[0]);
    const key = this.value(r[1]);
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
        return new JSObject(null);
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

  /** Reads an object's common part: flags, shape (or the previous record's), slots. */
  fillObject(o: JSObject): void {
    let f: number;
    let k: number;
    if (this.same) {
      if (this.lastShape < 0) fail('corrupt snapshot: no previous object record');
      f = this.lastFlags;
      k = this.lastShape;
    } else {
      f = int(this.next(), 'object flags', 0, 255);
      k = this.shape(this.next());
      this.lastFlags = f;
      this.lastShape = k;
    }
    o.cls = (f >> 1) as Cls;
    o.extensible = (f & 1) === 0;
    const s = this.shapes[k]!;
    o.shape = s;
    o.proto = this.shapeProtos[k];
    const n = s.keys.length;
    // small objects get exactly sized packed arrays, as the VM's literals do (a push onto []
    // would reserve 17 slots)
    if (n === 1) o.slots = [this.slot(s, 0)];
    else if (n === 2) o.slots = [this.slot(s, 0), this.slot(s, 1)];
    else if (n === 3) o.slots = [this.slot(s, 0), this.slot(s, 1), this.slot(s, 2)];
    else if (n === 4) o.slots = [this.slot(s, 0), this.slot(s, 1), this.slot(s, 2), this.slot(s, 3)];
    else {
      const slots: Slot[] = [];
      for (let i = 0; i < n; i++) slots.push(this.slot(s, i));
      o.slots = slots;
    }
  }

  /** Reads slot `i` of an object of shape `s`: a value, or an accessor pair where the shape says so. */
  slot(s: Shape, i: number): Slot {
    const v = this.raw(this.next());
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
        a.elements = this.values(this.next(), 'elements');
        for (const v of a.elements) if ((v as unknown) === TDZ) fail('corrupt snapshot: bad element');
        a.writable = flag(this.next(), 'array flag');
        return;
      }
      case K.Function: {
        const f = n as JSFunction;
        this.fillObject(f);
        f.code = this.code(this.next());
        f.env = this.objOrNull(this.next(), Env, 'function environment');
        f.home = this.objOrNull(this.next(), JSObject, 'home object');
        f.fieldInit = this.objOrNull(this.next(), JSFunction, 'field initializer');
        return;
      }
      case K.Native: {
        const f = n as NativeFunction;
        this.fillObject(f);
        const name = this.string(this.next(), 'native name');
        const id = nativeIdByName(name);
        if (id === undefined) fail(`snapshot refers to a built-in this core does not have: ${name}`);
        f.nativeId = id;
        f.ctor = flag(this.next(), 'constructor flag');
        const d = isArr(this.next(), 'native data');
        switch (d[0]) {
          case D.None:
            f.data = null;
            break;
          case D.Object:
            f.data = this.obj(d[1], 'native data');
            break;
          case D.Bound:
            f.data = new BoundData(this.obj(d[1], 'bound target'), this.value(d[2]), this.values(d[3], 'bound arguments'));
            break;
          case D.Resolve: {
            const p = this.obj(d[1], 'promise');
            const st = typeof d[2] === 'number' && d[2] < 0 && Number.isInteger(d[2]) ? this.node(-d[2] - 1) : null;
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
        o.value = this.value(this.next());
        return;
      }
      case K.Error: {
        const o = n as JSError;
        this.fillObject(o);
        o.stackText = this.string(this.next(), 'stack');
        return;
      }
      case K.Date: {
        const o = n as JSDate;
        this.fillObject(o);
        o.time = num(this.next(), 'time');
        return;
      }
      case K.Collection: {
        const c = n as JSCollection;
        this.fillObject(c);
        c.keys = this.values(this.next(), 'collection keys');
        c.values = this.values(this.next(), 'collection values');
        c.size = int(this.next(), 'collection size');
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
        const base = int(this.next(), 'collection base');
        if (base) c.base = base;
        const seqs = this.next();
        const nextSeq = int(this.next(), 'collection position');
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
        p.state = int(this.next(), 'promise state', 0, 2) as PromiseState;
        p.result = this.value(this.next());
        p.reactions = isArr(this.next(), 'reactions').map((x) => {
          const v = this.raw(x);
          if (!(v instanceof Reaction)) fail('corrupt snapshot: bad reaction');
          return v;
        });
        p.handled = flag(this.next(), 'promise flag');
        return;
      }
      case K.RegExp: {
        const re = n as JSRegExp;
        this.fillObject(re);
        re.source = this.string(this.next(), 'regexp source');
        const flags = this.next();
        if (typeof flags !== 'string') fail('corrupt snapshot: bad regexp flags');
        re.flags = flags;
        re.compiled = null;
        const compiled = this.next();
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
        g.state = int(this.next(), 'generator state', 0, 3) as GenState;
        const frame = this.next();
        g.frame = frame === null ? null : this.savedFrame(isArr(frame, 'saved frame', 8));
        g.promise = this.objOrNull(this.next(), JSPromise, 'generator promise');
        g.queue = isArr(this.next(), 'generator queue').map((q) => {
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
        it.target = this.value(this.next());
        it.kind = int(this.next(), 'iterator kind', 0, 2);
        it.pos = int(this.next(), 'iterator position');
        it.done = flag(this.next(), 'iterator flag');
        return;
      }
      case K.HostObject: {
        const o = n as JSObject;
        this.fillObject(o);
        if (this.next() !== 'Intl') fail('corrupt snapshot: unknown internal class');
        const fields = isArr(this.next(), 'host fields');
        if (fields.length % 2) fail('corrupt snapshot: bad host fields');
        for (let i = 0; i < fields.length; i += 2) {
          const k = fields[i];
          const f = isArr(fields[i + 1], 'host field', 2);
          if (typeof k !== 'string' || !Object.prototype.hasOwnProperty.call(o, k) || baseFields().has(k)) fail('corrupt snapshot: bad host field');
          (o as unknown as Record<string, unknown>)[k] = f[0] === 1 ? this.obj(f[1], 'host field') : f[1];
        }
        return;
      }
      case K.Env: {
        const e = n as Env;
        e.parent = this.objOrNull(this.next(), Env, 'parent environment');
        const count = int(this.next(), 'variable count', 0, this.data.length - this.at);
        const vars: Value[] = [];
        for (let i = 0; i < count; i++) vars.push(this.value(this.next()));
        e.vars = vars;
        return;
      }
      case K.Accessor: {
        const a = n as Accessor;
        a.get = this.objOrNull(this.next(), JSObject, 'getter') ?? undefined;
        a.set = this.objOrNull(this.next(), JSObject, 'setter') ?? undefined;
        return;
      }
      case K.Reaction: {
        const x = n as Reaction;
        x.capability = this.objOrNull(this.next(), JSPromise, 'reaction promise');
        x.onFulfilled = this.value(this.next());
        x.onRejected = this.value(this.next());
        x.resume = this.objOrNull(this.next(), JSGenerator, 'reaction generator');
        return;
      }
      case K.ResolveState:
        (n as { resolved: boolean }).resolved = flag(this.next(), 'resolve state');
        return;
      case K.ForIn: {
        const s = n as ForInState;
        s.keys = isArr(this.next(), 'for-in keys').map((k) => this.string(k, 'for-in key'));
        s.obj = this.objOrNull(this.next(), JSObject, 'for-in object');
        s.pos = int(this.next(), 'for-in position');
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
    const values = this.values(r[2], 'frame values');
    const tryStack = isArr(r[6], 'try stack').map((x) => int(x, 'try stack', -1));
    const tryEnvs = isArr(r[7], 'try environments').map((x) => this.objOrNull(x, Env, 'try environment'));
    if (tryStack.length !== tryEnvs.length * 2) fail('corrupt snapshot: bad try stack');
    const f = new SavedFrame(fn, pc, values, this.objOrNull(r[3], Env, 'frame environment'), this.value(r[4]), this.value(r[5]), tryStack, tryEnvs);
    this.savedFrames.push(f);
    return f;
  }
}

/** The class of a built-in module's object kind, found through the realm (Intl formatters). */
function hostClass(vm: VM, name: unknown): new (proto: JSObject | null, cls: Cls) => JSObject {
  if (name === 'Intl') {
    const C = vm.realm.globalObject.slots[vm.realm.globalObject.shape.index.get('Intl') ?? -1];
    if (C instanceof JSObject) {
      const nf = C.slots[C.shape.index.get('NumberFormat') ?? -1];
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

/** Rebuilds the state in `vm` (fresh, from prepare()); returns the execution state. */
export function decodeState(
  vm: VM,
  program: CompiledProgram,
  p: Payload,
): { phase: number; result: Value; usedMs: number; status: 'paused' | 'suspended'; breakpoint: boolean } {
  const d = new Decoder(vm, program, p);
  const table = isArr(p.table, 'header', 2);
  if (table[0] !== d.table.size || table[1] !== d.table.fingerprint) {
    fail('snapshot was taken with different built-ins (intrinsic table mismatch): restore it with the core build that took it');
  }
  d.nodesFrom(p.kinds, p.data, p.syms);
  const realm = vm.realm;
  // the global object (per VM): its properties as the snapshot had them
  d.data = isArr(p.global, 'global object');
  d.at = 0;
  d.fillObject(realm.globalObject);
  if (d.at !== d.data.length) fail('corrupt snapshot: bad global object');
  const reg = isArr(p.registry, 'symbol registry');
  if (reg.length) {
    const m = new Map<string, GSymbol>();
    for (const x of reg) {
      const s = d.value(x);
      if (!(s instanceof GSymbol) || !s.key?.startsWith('registry:')) fail('corrupt snapshot: bad registry symbol');
      m.set(s.key.slice(9), s);
    }
    realm.symbolRegistry = m;
  }
  // the value stack and frames
  const stack = d.values(p.stack, 'stack');
  const sp = stack.length;
  for (let i = 0; i < sp; i++) vm.stack[i] = stack[i];
  vm.stack.length = sp;
  vm.sp = sp;
  vm.frames.length = 0;
  for (const x of isArr(p.frames, 'frames')) {
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
  const fi = int(p.frame, 'current frame', -1, vm.frames.length - 1);
  vm.frame = fi < 0 ? null : vm.frames[fi];
  // jobs
  const jobs: Job[] = [];
  for (const x of isArr(p.jobs, 'jobs')) {
    const j = isArr(x, 'job', 4);
    if (j[0] === 0) {
      const reaction = d.raw(j[1]);
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
  const h = isArr(p.host, 'host calls', 4);
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
  const byLoc = new Map<string, TemplateConst>();
  for (const [t, [fn, k]] of tt.templates) byLoc.set(`${fn}:${k}`, t);
  vm.templateCache.clear();
  const tl = isArr(p.templates, 'templates');
  if (tl.length % 3) fail('corrupt snapshot: bad templates');
  for (let i = 0; i < tl.length; i += 3) {
    const t = byLoc.get(`${tl[i]}:${tl[i + 1]}`);
    const arr = d.obj(tl[i + 2], 'template object');
    if (!t || !(arr instanceof JSArray)) fail('corrupt snapshot: bad template reference');
    vm.templateCache.set(t, arr);
  }
  // counters
  const c = isArr(p.counters, 'counters', 9);
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
  if (p.pending !== null) {
    const pt = isArr(p.pending, 'pending throw', 1);
    (vm as unknown as { pendingThrow: { value: Value } | null }).pendingThrow = { value: d.value(pt[0]) };
  }
  const ex = isArr(p.exec, 'execution state', 4);
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
