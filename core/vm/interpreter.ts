/**
 * The stack VM: one dispatch loop over Int32Array bytecode, with pc, sp, the current
 * frame and its code in locals (written back only when the loop leaves or calls out).
 * Guest calls push {@link Frame}s on the VM's own stack, so guest recursion never uses
 * host stack, and suspension at any instruction is "return from the loop".
 */
import { FnFlags, spanAt, type CompiledProgram, type FunctionCode, type TemplateConst } from '../chunk';
import { LimitError, type LimitName } from '../errors';
import {
  Accessor,
  BoundData,
  Cls,
  Env,
  GenState,
  IterKind,
  JSArray,
  JSCollection,
  JSError,
  JSFunction,
  JSGenerator,
  JSIterator,
  JSObject,
  JSPrimitiveObject,
  JSPromise,
  JSRegExp,
  ForInState,
  NativeFunction,
  PromiseState,
  Reaction,
  SavedFrame,
  isCallable,
  INLINE_SLOTS,
  type Slot,
} from '../objects';
import { Op } from '../opcodes';
import { Attr, Shape } from '../shape';
import { GSymbol, HOLE, Marker, PrivateName, TDZ, WELL_KNOWN, type PropertyKey, type Value } from '../value';
import { asyncDelegateNotIterable, delegateNotIterable, initializerNotIterable, notIterableMessage, patternOwnerPrinted, printCallee, printValue, spreadArgumentCount, spreadCallee } from './callprinter';
import { cannotDestructure, memberNotIterable, notIterableTyped, readDestructureCheck, typeText } from '../destructure';
import { Cont, Frame, NO_TRY, NO_TRY_ENVS } from './frame';
import { noSideEffectsToString, readOnlyMessage } from './describe';
import { HostCalls } from './hostcalls';
import type { CapabilitySet } from '../capabilities';
import { Fused, fusedCode } from './fuse';
import { PUSHED, driverStep, nativeImpl, takesScratchArgs, type NativeImpl } from './natives';
import {
  MAX_BIG_BITS,
  arrayIndexOf,
  bigBits,
  bigMulWork,
  setWorkMeter,
  looseEqualsPrim,
  primToNumber,
  primToString,
  toBoolean,
  toPropertyKey,
  typeOf,
} from './ops';
import type { Realm } from './realm';
import { GuestCodeNeeded, GuestError, GuestThrow, type ErrorType } from './throw';

export { DEFAULT_LIMITS, type Limits } from './limits';
import { type Limits, resolveLimits } from './limits';
import { ARRAY_BYTES, COLLECTION_BYTES, ENTRY_BYTES, ENV_BYTES, FUNCTION_BYTES, OBJECT_BYTES, SLOT_BYTES } from './heapcost';

/** Why the loop returned to its driver. */
export const enum Stop {
  /** No frames left: run jobs or finish. */
  Idle,
  /** The instruction slice ended (pause, time check, breakpoint). */
  Slice,
  /** A host call is pending and guest code cannot continue without it. */
  Suspend,
  /** A Break instruction (debugger breakpoint) is next; the frame's pc points at it. */
  Break,
}

/** Inline cache entry of one property-access site. */
interface IC {
  shape: Shape;
  holder: JSObject | null;
  holderShape: Shape | null;
  slot: number;
}

/** A queued job (promise reactions, thenable adoption, async resumption). */
export type Job =
  | { kind: 0; reaction: Reaction; arg: Value; rejected: boolean }
  | { kind: 1; promise: JSPromise; thenable: JSObject; then: JSObject }
  | { kind: 2; gen: JSGenerator; value: Value; rejected: boolean };

const CALL_ERR = (v: Value) => `${v === null ? 'null' : typeOf(v) === 'object' ? 'object' : typeOf(v)} is not a function`;

/**
 * A copy of a try stack ([handler pc, stack height] pairs) with its heights moved by `by`;
 * {@link NO_TRY} for an empty one (saved frames' stacks are never written to).
 */
function rebased(tryStack: readonly number[], by: number): number[] {
  if (tryStack.length === 0) return NO_TRY;
  const out: number[] = [];
  for (let i = 0; i < tryStack.length; i += 2) out.push(tryStack[i], tryStack[i + 1] + by);
  return out;
}

/** Checked built-in work between two clock reads (see {@link VM.chargeWorkChecked}). */
const WORK_CLOCK_EVERY = 1 << 16;

export class VM {
  readonly stack: Value[] = [];
  sp = 0;
  readonly frames: Frame[] = [];
  /**
   * Frames of finished plain calls, reused by the next calls (fewer allocations per call): a
   * list linked through {@link Frame.nextFree} (a field store a call, where an array's push and
   * pop cost a tenth of a return). Off (poolFrames) while a debugger step is in progress: a step
   * tells activations apart by frame identity.
   */
  freeFrame: Frame | null = null;
  poolFrames = true;
  /**
   * Run superinstructions (vm/fuse.ts). Off while a debugger or profiler is attached: they
   * patch Break instructions into `FunctionCode.code`, which the fused copies do not see.
   */
  fuseCode = true;
  frame: Frame | null = null;
  jobs: Job[] = [];
  jobHead = 0;
  realm!: Realm;
  program!: CompiledProgram;
  readonly limits: Limits;
  instructions = 0;
  allocations = 0;
  heapBytes = 0;
  /** The most frames the run has had at once (the budget view's peak call depth). */
  peakDepth = 0;
  /** Allocation volume since the last mark; a mark runs when it passes `markEvery`. */
  private sinceMark = 0;
  markEvery = 1 << 20;
  liveBytes = 0;
  /** The loop stops when `instructions` reaches this (min of limit and slice end). */
  stopAt = 0;
  sliceEnd = Infinity;
  /** When the running slice's time budget ends (Date.now()); read by long built-in loops. */
  deadline = Infinity;
  private workSinceClock = 0;
  signal: AbortSignal | null = null;
  readonly templateCache = new Map<TemplateConst, JSArray>();
  /** Capability calls made by the guest and not yet taken back (see hostcalls.ts). */
  host = new HostCalls();
  /** The host's capability declarations and validators (host-side; not part of a snapshot). */
  capabilities: CapabilitySet | null = null;
  /** Guest console output. */
  onConsole: ((level: 'log' | 'info' | 'warn' | 'error' | 'debug', text: string) => void) | null = null;
  /** Hooks the debugger installs; null on the normal path. */
  onDebugger: ((vm: VM) => void) | null = null;
  nextTimeCheck = 0;
  /**
   * Set on a VM restored from snapshot bytes: a key holder can seal an inconsistent state, so
   * the native drivers check the state arrays they resume (their loops must stay bounded).
   */
  untrusted = false;

  /** Date.now() source (host clock by default). */
  clock: () => number = Date.now;
  /** sfc32 state of Math.random: plain numbers, so it serializes. */
  rng: number[] = [0, 0, 0, 1];

  constructor(limits: Partial<Limits> = {}) {
    this.limits = resolveLimits(limits);
  }

  seedRandom(seed: number): void {
    this.rng = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
    for (let i = 0; i < 15; i++) this.random();
  }

  /** Deterministic Math.random (sfc32). */
  random(): number {
    const s = this.rng;
    let a = s[0] >>> 0;
    let b = s[1] >>> 0;
    let c = s[2] >>> 0;
    let d = s[3] >>> 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
    return t / 4294967296;
  }

  // ---- allocation accounting ------------------------------------------------------

  /** Charges an allocation of `bytes` (an estimate per object kind). */
  charge(bytes: number): void {
    if (++this.allocations > this.limits.allocations) {
      throw new LimitError('allocations', this.limits.allocations, this.allocations);
    }
    this.heapBytes += bytes;
    this.sinceMark += bytes;
    // filling a large allocation is host work: one instruction per 64 bytes (8 slots), so loops that
    // build big arrays or strings and drop them cannot outrun the instruction budget (small ones are
    // bounded work already and cost nothing extra)
    if (bytes > 32768) this.instructions += bytes >> 6;
    if (this.sinceMark > this.markEvery) this.maybeMark();
  }

  /**
   * Marks only when the upper bound (live at last mark + allocated since) could exceed
   * the budget; the next check is spaced so marking stays amortised O(allocation).
   */
  maybeMark(): void {
    const limit = this.limits.heapBytes;
    if (this.liveBytes + this.sinceMark <= limit) {
      this.markEvery = Math.max(1 << 20, limit - this.liveBytes - this.sinceMark) + this.sinceMark;
      return;
    }
    this.mark();
    this.markEvery = Math.max(1 << 20, (limit - this.liveBytes) >> 1, this.liveBytes >> 2);
  }

  /**
   * Charges host work a built-in does (elements moved, characters scanned) as
   * instructions, so loops over expensive built-ins hit the instruction budget.
   */
  chargeWork(n: number): void {
    this.instructions += n;
  }

  /**
   * Charges host work like {@link chargeWork} and stops at the instruction limit right away:
   * for a built-in's own loop, whose length the guest chooses (`{ length: 2 ** 53 - 1 }`), so
   * the host never runs it past the budget. `where` names the built-in in the error.
   */
  chargeWorkChecked(n: number, where: string): void {
    const limit = this.limits.instructions;
    if ((this.instructions += n) > limit) {
      throw new LimitError('instructions', limit, this.instructions, `limit exceeded: instructions (limit ${limit}) in ${where}; raise it with limits.instructions`);
    }
    // with the instruction budget lifted, the time limit must still hold inside the loop
    if ((this.workSinceClock += n) >= WORK_CLOCK_EVERY) {
      this.workSinceClock = 0;
      if (Date.now() > this.deadline) {
        const t = this.limits.timeMs;
        throw new LimitError('timeMs', t, t, `time limit of ${t} ms exceeded in ${where}; raise limits.timeMs`);
      }
    }
  }

  /** Checks that allocating `bytes` more would stay within the heap budget (before allocating). */
  reserve(bytes: number): void {
    if (this.liveBytes + this.sinceMark + bytes > this.limits.heapBytes) {
      this.mark();
      if (this.liveBytes + bytes > this.limits.heapBytes) {
        throw new LimitError('heapBytes', this.limits.heapBytes, this.liveBytes + bytes);
      }
    }
  }

  /** Measures live heap bytes by marking from the roots (amortised by allocation volume). */
  mark(): void {
    this.sinceMark = 0;
    this.liveBytes = measureLive(this);
    this.heapBytes = this.liveBytes;
    if (this.liveBytes > this.limits.heapBytes) {
      throw new LimitError('heapBytes', this.limits.heapBytes, this.liveBytes);
    }
  }

  // ---- object creation -------------------------------------------------------------

  newObject(proto: JSObject | null = this.realm.ObjectPrototype): JSObject {
    this.charge(OBJECT_BYTES);
    return new JSObject(proto, Cls.Object, this.realm.rootShape(proto));
  }

  newArray(elements: (Value | Marker)[] = []): JSArray {
    this.charge(ARRAY_BYTES + elements.length * SLOT_BYTES);
    const a = new JSArray(this.realm.ArrayPrototype, elements);
    a.shape = this.realm.arrayShape;
    return a;
  }

  newError(type: ErrorType, message: string): JSError {
    const proto = this.realm.errorProtos[type];
    const e = new JSError(proto, Cls.Error, this.realm.rootShape(proto));
    this.charge(96);
    e.defineOwn('stack', '', Attr.Hidden); // first, as in V8
    e.defineOwn('message', message, Attr.Hidden);
    e.stackText = this.captureStack();
    e.defineOwn('stack', `${type}: ${message}${e.stackText ? '\n' + e.stackText : ''}`, Attr.Hidden);
    return e;
  }

  /** Throws a new guest error from host code (natives, slow paths). */
  throwError(type: ErrorType, message: string): never {
    throw new GuestThrow(this.newError(type, message));
  }

  /** The guest stack: function names and line:col, innermost first; built-ins omitted. */
  captureStack(): string {
    const lines: string[] = [];
    for (let i = this.frames.length - 1; i >= 0 && lines.length < 10; i--) {
      const f = this.frames[i];
      if (f.code.flags & FnFlags.Builtin) continue;
      const pc = f === this.frame ? Math.max(0, f.pc - 1) : Math.max(0, f.pc - 1);
      const span = spanAt(f.code, pc);
      const where = span ? `${span.line}:${span.column}` : '?';
      const name = f.code.flags & FnFlags.Script ? '<script>' : f.code.name || '<anonymous>';
      lines.push(`    at ${name} (${where})`);
    }
    return lines.join('\n');
  }

  // ---- properties --------------------------------------------------------------------

  /** The object whose properties a primitive exposes. */
  protoOfPrimitive(v: Value): JSObject {
    switch (typeof v) {
      case 'string':
        return this.realm.StringPrototype;
      case 'number':
        return this.realm.NumberPrototype;
      case 'boolean':
        return this.realm.BooleanPrototype;
      case 'bigint':
        return this.realm.BigIntPrototype;
    }
    if (v instanceof GSymbol) return this.realm.SymbolPrototype;
    const what = v === null ? 'null' : 'undefined';
    throw new GuestError('TypeError', `Cannot read properties of ${what}`);
  }

  /** Finds a property along the prototype chain; virtual array/string properties included. */
  lookup(obj: JSObject, key: PropertyKey): Slot | typeof HOLE {
    let o: JSObject | null = obj;
    while (o !== null) {
      if (o instanceof JSArray || o instanceof JSPrimitiveObject) {
        const v = virtualGet(o, key);
        if (v !== HOLE) return v;
      }
      const i = o.shape.index.get(key);
      if (i !== undefined) return o.getSlot(i);
      o = o.proto;
    }
    return HOLE;
  }

  /**
   * [[Get]] for host code. Native getters run inline; a guest getter cannot run here,
   * so this throws — built-ins that may meet them are self-hosted instead.
   */
  get(base: Value, key: PropertyKey): Value {
    let obj: JSObject;
    if (base instanceof JSObject) obj = base;
    else {
      if (typeof base === 'string') {
        if (key === 'length') return base.length;
        const idx = arrayIndexOf(key);
        if (idx >= 0) return idx < base.length ? base[idx] : undefined;
      }
      if (base === null || base === undefined) {
        throw new GuestError('TypeError', `Cannot read properties of ${base} (reading '${keyText(key)}')`);
      }
      obj = this.protoOfPrimitive(base);
    }
    const s = this.lookup(obj, key);
    if (s === HOLE) return undefined;
    if (s instanceof Accessor) {
      if (s.get === undefined) return undefined;
      return this.callSync(s.get, base, []);
    }
    return s as Value;
  }

  /** Calls a function from host code when it is a native; guest functions need the loop. */
  callSync(f: JSObject, thisv: Value, args: Value[]): Value {
    if (f instanceof NativeFunction && !(f.data instanceof BoundData)) {
      const r = nativeImpl(f.nativeId)(this, thisv, args, undefined, f);
      if (r !== PUSHED) return r;
      throw new Error('internal: native pushed a frame from callSync');
    }
    throw new GuestCodeNeeded(
      this.newError('TypeError', 'a getter or callback defined in script cannot be used by this built-in'),
    );
  }

  /** [[Set]] for host code (strict: failures throw). Guest setters cannot run here. */
  set(base: Value, key: PropertyKey, v: Value): void {
    const r = this.setProp(base, key, v);
    if (r === PUSHED) throw new Error('internal: setter pushed from host');
  }

  /**
   * [[Set]] from the interpreter. A guest setter is called by pushing a frame (returns
   * PUSHED); the assignment's value is already on the stack below the call area.
   */
  setProp(base: Value, key: PropertyKey, v: Value): Value | typeof PUSHED {
    if (!(base instanceof JSObject)) {
      if (base === null || base === undefined) {
        throw new GuestError('TypeError', `Cannot set properties of ${base} (setting '${keyText(key)}')`);
      }
      const proto = this.protoOfPrimitive(base);
      const s = this.lookup(proto, key);
      if (s instanceof Accessor && s.set) return this.invokeSetter(s.set, base, v);
      // a string's indices and length are read-only own properties of its wrapper
      if (typeof base === 'string' && stringOwnKey(base, key)) throw new GuestError('TypeError', readOnlyMessage(this, keyText(key), base));
      throw new GuestError('TypeError', `Cannot create property '${keyText(key)}' on ${typeOf(base)} '${noSideEffectsToString(this, base)}'`);
    }
    const obj = base;
    if (obj instanceof JSArray) {
      const idx = typeof key === 'string' ? arrayIndexOf(key) : -1;
      if (idx >= 0) {
        if (!obj.writable) throw new GuestError('TypeError', `Cannot assign to read only property '${key as string}' of object '[object Array]'`);
        this.arraySet(obj, idx, v);
        return undefined;
      }
      if (key === 'length') {
        if (!obj.writable) throw new GuestError('TypeError', "Cannot assign to read only property 'length' of object '[object Array]'");
        this.setArrayLength(obj, v);
        return undefined;
      }
    } else if (obj instanceof JSPrimitiveObject && obj.cls === Cls.String) {
      if (virtualGet(obj, key) !== HOLE) throw new GuestError('TypeError', `Cannot assign to read only property '${keyText(key)}' of object '[object String]'`);
    }
    const i = obj.shape.index.get(key);
    if (i !== undefined) {
      const attrs = obj.shape.attrs[i];
      if (attrs & Attr.Accessor) {
        const acc = obj.getSlot(i) as Accessor;
        if (!acc.set) throw new GuestError('TypeError', `Cannot set property ${keyText(key)} of ${noSideEffectsToString(this, obj)} which has only a getter`);
        return this.invokeSetter(acc.set, obj, v);
      }
      if (!(attrs & Attr.Writable)) {
        throw new GuestError('TypeError', readOnlyMessage(this, keyText(key), obj));
      }
      obj.setSlot(i, v);
      return undefined;
    }
    // inherited setter or read-only property
    for (let p = obj.proto; p !== null; p = p.proto) {
      const j = p.shape.index.get(key);
      if (j === undefined) continue;
      const attrs = p.shape.attrs[j];
      if (attrs & Attr.Accessor) {
        const acc = p.getSlot(j) as Accessor;
        if (!acc.set) throw new GuestError('TypeError', `Cannot set property ${keyText(key)} of ${noSideEffectsToString(this, obj)} which has only a getter`);
        return this.invokeSetter(acc.set, obj, v);
      }
      // Frozen intrinsics may be shadowed (the "override mistake" would break
      // `this.name = …` in Error subclasses); V8's unfrozen built-ins allow it too —
      // but not where a property is read-only in V8 as well (a function's `name`)
      if (!(attrs & Attr.Writable) && (!this.realm.intrinsics.has(p) || this.realm.specReadOnly.get(p)?.has(key))) {
        throw new GuestError('TypeError', readOnlyMessage(this, keyText(key), obj));
      }
      break;
    }
    if (!obj.extensible) throw new GuestError('TypeError', `Cannot add property ${keyText(key)}, object is not extensible`);
    obj.addProperty(key, v);
    this.charge(8);
    return undefined;
  }

  private invokeSetter(setter: JSObject, thisv: Value, v: Value): Value | typeof PUSHED {
    if (setter instanceof NativeFunction && !(setter.data instanceof BoundData)) {
      const r = nativeImpl(setter.nativeId)(this, thisv, [v], undefined, setter);
      if (r === PUSHED) {
        this.frames[this.frames.length - 1].cont = Cont.Discard;
        return PUSHED;
      }
      return undefined;
    }
    this.pushCall(setter, thisv, [v], Cont.Discard);
    return PUSHED;
  }

  arraySet(a: JSArray, idx: number, v: Value): void {
    const el = a.elements;
    if (idx < el.length) {
      el[idx] = v;
      return;
    }
    if (!a.extensible) throw new GuestError('TypeError', `Cannot add property ${idx}, object is not extensible`);
    const grow = idx + 1 - el.length;
    if (grow > 1) {
      this.reserve(grow * 8);
      for (let i = el.length; i < idx; i++) el.push(HOLE);
    }
    el.push(v);
    this.heapBytes += grow * 8;
    this.sinceMark += grow * 8;
    if (this.sinceMark > this.markEvery) this.maybeMark();
  }

  setArrayLength(a: JSArray, v: Value): void {
    // ToNumber: a BigInt or Symbol is a TypeError, an object goes through its valueOf/toString
    // (the host's Number() would get neither right)
    let n: number;
    if (typeof v === 'number') n = v;
    else if (v instanceof JSObject) {
      const p = this.toPrimitiveNative(v, 'number');
      if (p === HOLE) throw new GuestError('TypeError', 'Cannot convert object with custom valueOf/toString to an array length');
      n = primToNumber(p as Value);
    } else n = primToNumber(v);
    if (!(n >= 0 && n < 4294967296 && Math.floor(n) === n)) this.throwError('RangeError', 'Invalid array length');
    const el = a.elements;
    if (n < el.length) el.length = n;
    else if (n > el.length) {
      this.reserve((n - el.length) * 8);
      while (el.length < n) el.push(HOLE);
    }
  }

  /** CreateDataProperty: define an own enumerable data property (literals, JSON, fields). */
  defineData(obj: JSObject, key: PropertyKey, v: Value): void {
    if (obj instanceof JSArray) {
      const idx = typeof key === 'string' ? arrayIndexOf(key) : -1;
      if (idx >= 0) {
        this.arraySet(obj, idx, v);
        return;
      }
    }
    const i = obj.shape.index.get(key);
    if (i !== undefined) {
      if (!(obj.shape.attrs[i] & Attr.Configurable) && !(obj.shape.attrs[i] & Attr.Writable)) {
        throw new GuestError('TypeError', `Cannot redefine property: ${keyText(key)}`);
      }
      obj.defineOwn(key, v, Attr.Default);
      return;
    }
    if (!obj.extensible) throw new GuestError('TypeError', `Cannot define property ${keyText(key)}, object is not extensible`);
    obj.addProperty(key, v);
    this.charge(8);
  }

  // ---- calls -------------------------------------------------------------------------

  /**
   * Pushes a call of `f` with `thisv` and `args` whose result goes through `cont`.
   * For natives the call completes immediately unless they push a frame themselves.
   * Returns PUSHED when a frame was pushed, else the native's result.
   */
  pushCall(f: Value, thisv: Value, args: Value[], cont: Cont, contData: Frame['contData'] = null): Value | typeof PUSHED {
    const stack = this.stack;
    const fnSlot = this.sp;
    stack[this.sp++] = f;
    stack[this.sp++] = thisv;
    for (let i = 0; i < args.length; i++) stack[this.sp++] = args[i];
    return this.invoke(fnSlot, args.length, cont, contData, undefined);
  }

  /**
   * pushCall for callers whose continuation absorbs a throw (a promise executor, a reaction or
   * thenable job): a throw before any frame exists — a native callee's own, or a class
   * constructor called without `new` — settles the promise as a throw from the callee's
   * frame would. Returns what pushCall returns (for an executor: the promise).
   */
  pushCallAbsorbing(f: Value, thisv: Value, args: Value[], cont: Cont, data: Frame['contData']): Value | typeof PUSHED {
    const sp = this.sp;
    try {
      return this.pushCall(f, thisv, args, cont, data);
    } catch (e) {
      if (!(e instanceof GuestThrow || e instanceof GuestError)) throw e;
      this.sp = sp;
      const value = this.materialize(e);
      if (cont === Cont.Executor) {
        this.rejectPromiseIfUnresolved(data as JSPromise, value);
        return data as JSPromise;
      }
      if (!this.absorbThrow(cont, data, null, value)) throw e;
      return undefined;
    }
  }

  /**
   * Calls callback `f` (this undefined, `argc` of a0..a3) for the native driver whose state
   * is `st`. A plain bytecode function returns into the driver's next step (Cont.Drive);
   * anything else (natives, bound, async, generators) is called normally, so its result
   * goes back to the prelude loop that runs the driver.
   */
  callForDriver(f: Value, st: JSArray, argc: number, a0: Value, a1: Value, a2: Value, a3: Value): Value | typeof PUSHED {
    const stack = this.stack;
    const fnSlot = this.sp;
    stack[fnSlot] = f;
    stack[fnSlot + 1] = undefined;
    stack[fnSlot + 2] = a0;
    stack[fnSlot + 3] = a1;
    if (argc > 2) stack[fnSlot + 4] = a2;
    if (argc > 3) stack[fnSlot + 5] = a3;
    this.sp = fnSlot + 2 + argc;
    if (f instanceof JSFunction && (f.code.flags & (FnFlags.ClassConstructor | FnFlags.Async | FnFlags.Generator)) === 0) {
      this.enterFunction(f, fnSlot, argc, Cont.Drive, st, undefined);
      return PUSHED;
    }
    return this.invoke(fnSlot, argc, Cont.Normal, null, undefined);
  }

  /**
   * Calls the function at stack[fnSlot] with this at fnSlot+1 and `argc` arguments
   * above it. Bytecode functions get a frame; natives run now and their result is
   * stored at fnSlot (returns the result), unless they pushed a frame (PUSHED).
   */
  invoke(fnSlot: number, argc: number, cont: Cont, contData: Frame['contData'], newTarget: Value): Value | typeof PUSHED {
    const stack = this.stack;
    const f = stack[fnSlot];
    if (f instanceof JSFunction) {
      const flags = f.code.flags;
      if (flags & FnFlags.ClassConstructor && newTarget === undefined) {
        this.sp = fnSlot;
        throw new GuestError('TypeError', f.code.name ? `Class constructor ${f.code.name} cannot be invoked without 'new'` : "Class constructors cannot be invoked without 'new'");
      }
      this.enterFunction(f, fnSlot, argc, cont, contData, newTarget);
      return PUSHED;
    }
    if (f instanceof NativeFunction) {
      const args = stack.slice(fnSlot + 2, fnSlot + 2 + argc);
      const thisv = stack[fnSlot + 1];
      this.sp = fnSlot;
      if (f.data instanceof BoundData) {
        const b = f.data;
        const all = b.args.length ? b.args.concat(args) : args;
        return this.pushCallNT(b.target, b.boundThis, all, cont, contData, newTarget === f ? b.target : newTarget);
      }
      if (newTarget !== undefined && !f.ctor) throw new GuestError('TypeError', `${fnName(f)} is not a constructor`);
      const impl: NativeImpl = nativeImpl(f.nativeId);
      const r = impl(this, thisv, args, newTarget, f);
      if (r === PUSHED) {
        // the native pushed a frame: its result is the native's result
        if (cont !== Cont.Normal) this.chainCont(this.frames[this.frames.length - 1], cont, contData);
        return PUSHED;
      }
      return this.completeNative(r, fnSlot, cont, contData);
    }
    this.sp = fnSlot;
    throw new GuestError('TypeError', CALL_ERR(f));
  }

  private pushCallNT(f: JSObject, thisv: Value, args: Value[], cont: Cont, contData: Frame['contData'], newTarget: Value): Value | typeof PUSHED {
    const stack = this.stack;
    const fnSlot = this.sp;
    stack[this.sp++] = f;
    stack[this.sp++] = thisv;
    for (let i = 0; i < args.length; i++) stack[this.sp++] = args[i];
    if (newTarget !== undefined) return this.construct(fnSlot, args.length, newTarget, cont, contData);
    return this.invoke(fnSlot, args.length, cont, contData, undefined);
  }

  /** Makes `cont` apply to whatever `top` produces (a frame pushed on behalf of a native). */
  private chainCont(top: Frame, cont: Cont, contData: Frame['contData']): void {
    if (top.cont === Cont.Normal) {
      top.cont = cont;
      top.contData = contData;
    } else {
      top.outerCont = cont;
      top.outerData = contData;
    }
  }

  /** Hands a frame's result to its outer continuation (push it, for ordinary calls). */
  private deliver(frame: Frame, v: Value): void {
    if (frame.outerCont === Cont.Normal) this.stack[this.sp++] = v;
    else this.applyCont(frame.outerCont, frame.outerData, v, null);
  }

  /** Applies a continuation to a native's immediate result. */
  private completeNative(r: Value, fnSlot: number, cont: Cont, contData: Frame['contData']): Value {
    switch (cont) {
      case Cont.Normal:
      case Cont.Construct:
        this.stack[fnSlot] = r;
        this.sp = fnSlot + 1;
        return r;
      case Cont.Discard:
      case Cont.Quiet:
        this.sp = fnSlot;
        return r;
      case Cont.Executor:
        // a native executor returned: the constructor's result is the promise
        this.sp = fnSlot;
        return contData as JSPromise;
      default:
        this.sp = fnSlot;
        this.applyCont(cont, contData, r, null);
        return r;
    }
  }

  /** Pushes a frame for a bytecode function whose callee and arguments sit at fnSlot. */
  enterFunction(f: JSFunction, fnSlot: number, argc: number, cont: Cont, contData: Frame['contData'], newTarget: Value): Frame {
    if (this.frames.length >= this.limits.callDepth) {
      this.sp = fnSlot;
      throw new LimitError('callDepth', this.limits.callDepth, this.frames.length + 1);
    }
    const code = f.code;
    const stack = this.stack;
    const base = fnSlot + 2;
    const np = code.nparams;
    if (code.hasRest) {
      const extra: Value[] = [];
      for (let i = np; i < argc; i++) extra.push(stack[base + i]);
      for (let i = argc; i < np; i++) stack[base + i] = undefined;
      stack[base + np] = this.newArray(extra);
      for (let i = np + 1; i < code.nlocals; i++) stack[base + i] = undefined;
    } else {
      for (let i = argc; i < np; i++) stack[base + i] = undefined;
      for (let i = np; i < code.nlocals; i++) stack[base + i] = undefined;
    }
    let thisv = stack[fnSlot + 1];
    if (code.flags & FnFlags.Arrow) thisv = this.realm.globalObject;
    let frame = this.freeFrame;
    if (frame === null) frame = new Frame(f, code, base, fnSlot, f.env, thisv, newTarget, cont, contData);
    else {
      this.freeFrame = frame.nextFree;
      frame.reuse(f, code, base, fnSlot, f.env, thisv, newTarget, cont, contData);
    }
    if (code.flags & FnFlags.Async && !(code.flags & FnFlags.Generator)) {
      const gen = new JSGenerator(null, Cls.Object);
      gen.promise = this.newPromise();
      gen.state = GenState.Running;
      frame.gen = gen;
      frame.asyncFirst = true;
      // the call's own continuation applies to the promise, at the first suspension
      frame.outerCont = cont;
      frame.outerData = contData;
      frame.cont = Cont.Async;
    }
    this.sp = base + code.nlocals;
    if (this.frames.push(frame) > this.peakDepth) this.peakDepth = this.frames.length;
    this.frame = frame;
    return frame;
  }

  /** [[Construct]] of the callee at fnSlot with `argc` args (no this slot: fnSlot+1 is reserved). */
  construct(fnSlot: number, argc: number, newTarget: Value, cont: Cont, contData: Frame['contData']): Value | typeof PUSHED {
    const stack = this.stack;
    const f = stack[fnSlot];
    if (f instanceof JSFunction) {
      const flags = f.code.flags;
      if (flags & FnFlags.NoConstruct || flags & FnFlags.Arrow) {
        this.sp = fnSlot;
        throw new GuestError('TypeError', `${fnName(f)} is not a constructor`);
      }
      let thisv: Value = TDZ as unknown as Value;
      if (!(flags & FnFlags.Derived)) {
        const proto = this.get(newTarget, 'prototype');
        thisv = this.newObject(proto instanceof JSObject ? proto : this.realm.ObjectPrototype);
      }
      stack[fnSlot + 1] = thisv;
      const frame = this.enterFunction(f, fnSlot, argc, cont === Cont.Normal ? Cont.Construct : cont, contData, newTarget);
      frame.thisValue = thisv;
      if (cont !== Cont.Normal) frame.contData = contData;
      return PUSHED;
    }
    if (f instanceof NativeFunction) {
      if (f.data instanceof BoundData) {
        return this.invoke(fnSlot, argc, cont, contData, newTarget === f ? f.data.target : newTarget);
      }
      if (!f.ctor) {
        this.sp = fnSlot;
        throw new GuestError('TypeError', `${fnName(f)} is not a constructor`);
      }
      return this.invoke(fnSlot, argc, cont, contData, newTarget);
    }
    this.sp = fnSlot;
    throw new GuestError('TypeError', `${typeOf(f) === 'object' ? 'object' : String(typeOf(f))} is not a constructor`);
  }

  // ---- completion and unwinding --------------------------------------------------------

  /** Finishes the top frame with `v` (the Return instruction's slow path). */
  doReturn(v: Value): void {
    const frame = this.frames.pop()!;
    this.frame = this.frames.length ? this.frames[this.frames.length - 1] : null;
    this.sp = frame.retSlot;
    this.completeFrame(frame, v);
    if (this.poolFrames && frame.gen === null) {
      frame.nextFree = this.freeFrame;
      this.freeFrame = frame;
    }
  }

  /** Applies a finished (already popped) frame's continuation to its result. */
  completeFrame(frame: Frame, v: Value): void {
    switch (frame.cont) {
      case Cont.Normal:
        this.stack[this.sp++] = v;
        return;
      case Cont.Construct: {
        let r: Value = v;
        if (!(v instanceof JSObject)) {
          if (frame.code.flags & FnFlags.Derived) {
            if (v !== undefined) throw new GuestError('TypeError', 'Derived constructors may only return object or undefined');
            if (frame.thisValue === (TDZ as unknown)) {
              throw new GuestError('ReferenceError', "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
            }
          }
          r = frame.thisValue;
        }
        this.deliver(frame, r);
        return;
      }
      case Cont.Async: {
        const gen = frame.gen!;
        gen.state = GenState.Completed;
        this.resolvePromise(gen.promise!, v);
        if (frame.asyncFirst) this.asyncFirstDone(frame);
        return;
      }
      case Cont.Generator: {
        const gen = frame.gen!;
        gen.state = GenState.Completed;
        gen.frame = null;
        this.deliver(frame, this.iterResult(v, true));
        return;
      }
      case Cont.GenIterNext: {
        const gen = frame.gen!;
        gen.state = GenState.Completed;
        gen.frame = null;
        if (this.frame) this.frame.pc = frame.contData as number;
        return;
      }
      case Cont.AsyncGen:
        this.asyncGenFinish(frame, v, false);
        return;
      case Cont.Method:
        this.stack[this.sp++] = v;
        this.sp++;
        return;
      case Cont.Unpack: {
        const pair = v as JSArray;
        this.stack[this.sp++] = pair.elements[0] as Value;
        this.stack[this.sp++] = pair.elements[1] as Value;
        if (frame.contData === 0) this.stack[this.sp++] = false;
        else if (frame.contData === 1) this.stack[this.sp++] = true;
        return;
      }
      default:
        this.applyCont(frame.cont, frame.contData, v, frame);
    }
  }

  /** An async function's first suspension or completion hands its promise to the caller. */
  private asyncFirstDone(frame: Frame): void {
    frame.asyncFirst = false;
    const p = frame.cont === Cont.AsyncGen ? (frame.contData as JSPromise) : frame.gen!.promise!;
    const oc = frame.outerCont;
    if (oc === Cont.Normal || oc === Cont.Construct) this.stack[this.sp++] = p;
    else this.applyCont(oc, frame.outerData, p, null);
  }

  /** Continuations other than the common ones, on normal completion. */
  private applyCont(cont: Cont, data: Frame['contData'], v: Value, frame: Frame | null): void {
    switch (cont) {
      case Cont.Discard:
      case Cont.Quiet:
      case Cont.Thenable:
        return;
      case Cont.Reaction:
        if (data instanceof JSPromise) this.resolvePromise(data, v);
        return;
      case Cont.Executor:
        if (frame) this.deliver(frame, data as JSPromise);
        else this.stack[this.sp++] = data as JSPromise;
        return;
      case Cont.CloseIter:
        if (!(v instanceof JSObject)) throw this.notIterResult(v);
        return;
      case Cont.IterNext: {
        if (!(v instanceof JSObject)) throw this.notIterResult(v);
        if (toBoolean(this.get(v, 'done'))) {
          if (this.frame) this.frame.pc = data as number;
        } else this.stack[this.sp++] = this.get(v, 'value');
        return;
      }
      case Cont.Host:
        this.hostResult = v;
        this.hostDone = true;
        return;
      case Cont.Drive: {
        const st = data as JSArray;
        const el = st.elements;
        const r = driverStep(el[el.length - 1] as number)(this, st, v);
        if (r !== PUSHED) this.stack[this.sp++] = r;
        return;
      }
      case Cont.Normal:
      case Cont.Construct:
      case Cont.Async:
      case Cont.Generator:
        void frame;
        return;
    }
  }

  hostResult: Value = undefined;
  hostDone = false;
  /** A throw that reached the bottom of the frame stack with no handler. */
  uncaught: { value: Value } | null = null;

  /**
   * Unwinds frames to the nearest try handler for `value`. Returns true when a handler
   * (or a continuation that absorbs throws) was found and execution can continue.
   */
  unwind(value: Value): boolean {
    while (this.frames.length) {
      const f = this.frames[this.frames.length - 1];
      if (f.tryStack.length) {
        const sp = f.tryStack.pop()!;
        const handler = f.tryStack.pop()!;
        f.env = f.tryEnvs.pop()!;
        this.sp = sp;
        this.stack[this.sp++] = value;
        f.pc = handler;
        this.frame = f;
        return true;
      }
      this.frames.pop();
      this.frame = this.frames.length ? this.frames[this.frames.length - 1] : null;
      this.sp = f.retSlot;
      if (f.cont === Cont.Async) {
        const gen = f.gen!;
        gen.state = GenState.Completed;
        this.rejectPromise(gen.promise!, value);
        if (f.asyncFirst) this.asyncFirstDone(f);
        return true;
      }
      if (f.cont === Cont.AsyncGen) {
        this.asyncGenFinish(f, value, true);
        return true;
      }
      if (f.cont === Cont.Generator || f.cont === Cont.GenIterNext) {
        f.gen!.state = GenState.Completed;
        f.gen!.frame = null;
      }
      if (this.absorbThrow(f.cont, f.contData, f, value)) return true;
      if (f.outerCont !== Cont.Normal && this.absorbThrow(f.outerCont, f.outerData, null, value)) return true;
    }
    this.uncaught = { value };
    return false;
  }

  hostError: { value: Value } | null = null;

  /** Continuations that turn a throw into a normal outcome; true when absorbed. */
  private absorbThrow(cont: Cont, data: Frame['contData'], f: Frame | null, value: Value): boolean {
    switch (cont) {
      case Cont.Quiet:
        return true;
      case Cont.Reaction:
        if (data instanceof JSPromise) this.rejectPromise(data, value);
        return true;
      case Cont.Executor: {
        const p = data as JSPromise;
        this.rejectPromiseIfUnresolved(p, value);
        if (f) this.deliver(f, p);
        else this.stack[this.sp++] = p;
        return true;
      }
      case Cont.Thenable:
        this.rejectPromiseIfUnresolved(data as JSPromise, value);
        return true;
      case Cont.Host:
        this.hostError = { value };
        this.hostDone = true;
        return true;
    }
    return false;
  }

  /**
   * Calls a guest function from the host and runs it to completion (realm setup,
   * host-driven helpers). Jobs it queues stay queued. Throws GuestThrow on a throw.
   */
  callHost(f: JSObject, thisv: Value, args: Value[]): Value {
    const savedSp = this.sp;
    const depth = this.frames.length;
    this.hostDone = false;
    this.hostError = null;
    const savedStop = this.stopAt;
    this.stopAt = Infinity;
    try {
      const r = this.pushCall(f, thisv, args, Cont.Host);
      if (r !== PUSHED) {
        this.sp = savedSp;
        return r;
      }
      while (!this.hostDone) {
        const stop = this.run();
        if (this.uncaught) {
          const u = this.uncaught;
          this.uncaught = null;
          throw new GuestThrow(u.value);
        }
        if (stop === Stop.Idle && !this.hostDone && this.frames.length === depth) throw new Error('internal: host call did not complete');
      }
    } finally {
      this.stopAt = savedStop;
    }
    this.sp = savedSp;
    const he = this.hostError as { value: Value } | null;
    if (he) {
      this.hostError = null;
      throw new GuestThrow(he.value);
    }
    return this.hostResult;
  }

  /** Turns a host-side guest error into a guest exception value. */
  materialize(e: unknown): Value {
    if (e instanceof GuestThrow) return e.value;
    if (e instanceof GuestError) return this.newError(e.type, e.message);
    throw e;
  }

  // ---- the loop ---------------------------------------------------------------------

  /** Runs until no frames are left, the slice ends, or a suspension. */
  run(): Stop {
    // put back when the slice ends: a meter left installed would keep this VM, and its whole
    // heap, alive in the host after the run
    const meter = setWorkMeter(this);
    try {
      return this.runSlice();
    } finally {
      setWorkMeter(meter);
    }
  }

  private runSlice(): Stop {
    if (this.pendingThrow) {
      // a debugger paused on this throw: now let it unwind
      const { value } = this.pendingThrow;
      this.pendingThrow = null;
      if (!this.unwind(value)) return Stop.Idle;
    }
    for (;;) {
      try {
        return this.loop();
      } catch (e) {
        if (!(e instanceof GuestThrow || e instanceof GuestError)) {
          if (e instanceof RangeError && /call stack/i.test(e.message)) {
            throw new LimitError('callDepth', this.limits.callDepth, this.frames.length, 'host stack exhausted by nested built-in calls');
          }
          throw e;
        }
        const value = this.materialize(e);
        if (this.onThrow !== null && this.onThrow(value)) {
          // stop before unwinding, at the throwing instruction
          this.pendingThrow = { value };
          return Stop.Break;
        }
        if (!this.unwind(value)) return Stop.Idle;
      }
    }
  }

  /** Debugger hook: return true to stop at a throw before it unwinds (null on the normal path). */
  onThrow: ((value: Value) => boolean) | null = null;
  /** A throw a debugger stopped at; run() unwinds it first when it continues. */
  pendingThrow: { value: Value } | null = null;
  /** Debugger hook: return true to stop right after an async capability call is made. */
  onCapabilityCall: ((name: string) => boolean) | null = null;


  /** Reused argument arrays (by length) for natives that take them (natives.ts, markScratchArgs). */
  private readonly scratch: Value[][] = [[], [undefined], [undefined, undefined]];
  /** Array.prototype.push (the Call instruction inlines its common case). */
  private arrayPushFn: JSObject | null = null;

  private loop(): Stop {
    const stack = this.stack;
    let frame = this.frame!;
    if (!frame) return Stop.Idle;
    const fuse = this.fuseCode;
    let fc = frame.code;
    let code = fuse ? fusedCode(fc) : fc.code;
    let consts = fc.constants;
    let ic = fc.ic as (IC | undefined)[];
    let pc = frame.pc;
    let sp = this.sp;
    let base = frame.base;
    let count = this.instructions;
    const stopAt = this.stopAt;
    const arrayPush = (this.arrayPushFn ??= this.realm.ArrayPrototype.getSlot(this.realm.ArrayPrototype.shape.index.get('push')!) as JSObject);

    try {
      for (;;) {
        if (count >= stopAt) {
          frame.pc = pc; this.sp = sp; this.instructions = count;
          return Stop.Slice;
        }
        count++;
        const op = code[pc++];
        switch (op) {
          case Op.Undef:
            stack[sp++] = undefined;
            break;
          case Op.Null:
            stack[sp++] = null;
            break;
          case Op.True:
            stack[sp++] = true;
            break;
          case Op.False:
            stack[sp++] = false;
            break;
          case Op.Int:
            stack[sp++] = code[pc++];
            break;
          case Op.Const:
            stack[sp++] = consts[code[pc++]] as Value;
            break;
          case Op.PushTdz:
            stack[sp++] = TDZ as unknown as Value;
            break;
          case Op.This: {
            const t = frame.thisValue;
            if (t === (TDZ as unknown)) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              throw new GuestError('ReferenceError', "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
            }
            stack[sp++] = t;
            break;
          }
          case Op.NewTarget:
            stack[sp++] = frame.newTarget;
            break;
          case Op.Callee:
            stack[sp++] = frame.fn;
            break;
          case Op.HomeObject:
            stack[sp++] = frame.fn.home;
            break;
          case Op.Pop:
            sp--;
            break;
          case Op.Dup:
            stack[sp] = stack[sp - 1];
            sp++;
            break;
          case Op.Dup2:
            stack[sp] = stack[sp - 2];
            stack[sp + 1] = stack[sp - 1];
            sp += 2;
            break;
          case Op.Swap: {
            const t = stack[sp - 1];
            stack[sp - 1] = stack[sp - 2];
            stack[sp - 2] = t;
            break;
          }
          case Op.Rot3: {
            // a b c → c a b
            const c = stack[sp - 1];
            stack[sp - 1] = stack[sp - 2];
            stack[sp - 2] = stack[sp - 3];
            stack[sp - 3] = c;
            break;
          }
          case Op.Rot4: {
            const d = stack[sp - 1];
            stack[sp - 1] = stack[sp - 2];
            stack[sp - 2] = stack[sp - 3];
            stack[sp - 3] = stack[sp - 4];
            stack[sp - 4] = d;
            break;
          }
          case Op.GetLocal:
            stack[sp++] = stack[base + code[pc++]];
            break;
          // ---- superinstructions (vm/fuse.ts): the whole sequence when it cannot throw and
          // fits before stopAt, else only its first instruction (a GetLocal) ----
          case Fused.LocalIntCmpJump: {
            const a = stack[base + code[pc]];
            if (typeof a === 'number' && count + 3 <= stopAt) {
              const b = code[pc + 2];
              const cmp = code[pc + 3];
              count += 3;
              if (cmp === Op.Lt ? a < b : cmp === Op.Le ? a <= b : cmp === Op.Gt ? a > b : a >= b) pc += 6;
              else pc = code[pc + 5];
              break;
            }
            stack[sp++] = a;
            pc++;
            break;
          }
          case Fused.LocalLocalCmpJump: {
            const a = stack[base + code[pc]];
            const b = stack[base + code[pc + 2]];
            if (typeof a === 'number' && typeof b === 'number' && count + 3 <= stopAt) {
              const cmp = code[pc + 3];
              count += 3;
              if (cmp === Op.Lt ? a < b : cmp === Op.Le ? a <= b : cmp === Op.Gt ? a > b : a >= b) pc += 6;
              else pc = code[pc + 5];
              break;
            }
            stack[sp++] = a;
            pc++;
            break;
          }
          case Fused.IncLocal: {
            const i = base + code[pc];
            const a = stack[i];
            if (typeof a === 'number' && count + 3 <= stopAt) {
              stack[i] = code[pc + 1] === Op.Inc ? a + 1 : a - 1;
              count += 3;
              pc += 5;
              break;
            }
            stack[sp++] = a;
            pc++;
            break;
          }
          case Fused.LocalIntArith: {
            const a = stack[base + code[pc]];
            if (typeof a === 'number' && count + 2 <= stopAt) {
              stack[sp++] = code[pc + 3] === Op.Add ? a + code[pc + 2] : a - code[pc + 2];
              count += 2;
              pc += 4;
              break;
            }
            stack[sp++] = a;
            pc++;
            break;
          }
          case Fused.LocalLocal:
            if (count + 1 <= stopAt) {
              stack[sp] = stack[base + code[pc]];
              stack[sp + 1] = stack[base + code[pc + 2]];
              sp += 2;
              count++;
              pc += 3;
              break;
            }
            stack[sp++] = stack[base + code[pc++]];
            break;
          case Fused.LocalUndef:
            stack[sp++] = stack[base + code[pc++]];
            if (count + 1 <= stopAt) {
              stack[sp++] = undefined;
              count++;
              pc++;
            }
            break;
          case Fused.EnvUndef: {
            let d = code[pc++];
            let e = frame.env!;
            while (d-- > 0) e = e.parent!;
            stack[sp++] = e.vars[code[pc++]];
            if (count + 1 <= stopAt) {
              stack[sp++] = undefined;
              count++;
              pc++;
            }
            break;
          }
          case Fused.SetLocalPop:
            if (count + 1 <= stopAt) {
              stack[base + code[pc]] = stack[--sp];
              count++;
              pc += 2;
              break;
            }
            stack[base + code[pc++]] = stack[sp - 1];
            break;
          case Fused.LocalGetProp: {
            // GetProp's cache is indexed by its own pc (pc + 1 here); only an own data slot hits
            const obj = stack[base + code[pc]];
            if (obj instanceof JSObject && count + 1 <= stopAt) {
              const c = ic[pc + 1];
              if (c !== undefined && c.shape === obj.shape && c.holder === null) {
                // the slot's field read inline (hot: one object access, see JSObject.getSlot)
                let s: Slot;
                switch (c.slot) {
                  case 0: s = obj.s0; break;
                  case 1: s = obj.s1; break;
                  case 2: s = obj.s2; break;
                  case 3: s = obj.s3; break;
                  default: s = obj.more![c.slot - INLINE_SLOTS];
                }
                if (!(s instanceof Accessor)) {
                  stack[sp++] = s;
                  count++;
                  pc += 3;
                  break;
                }
              }
            }
            stack[sp++] = obj;
            pc++;
            break;
          }
          case Op.SetLocal:
            stack[base + code[pc++]] = stack[sp - 1];
            break;
          case Op.PutLocal:
            stack[base + code[pc++]] = stack[--sp];
            break;
          case Op.GetLocalChecked: {
            const v = stack[base + code[pc++]];
            const k = code[pc++];
            if (v === (TDZ as unknown)) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              throw new GuestError('ReferenceError', `Cannot access '${consts[k] as string}' before initialization`);
            }
            stack[sp++] = v;
            break;
          }
          case Op.SetLocalChecked: {
            const r = code[pc++];
            const k = code[pc++];
            if (stack[base + r] === (TDZ as unknown)) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              throw new GuestError('ReferenceError', `Cannot access '${consts[k] as string}' before initialization`);
            }
            stack[base + r] = stack[sp - 1];
            break;
          }
          case Op.GetEnv: {
            let d = code[pc++];
            let e = frame.env!;
            while (d-- > 0) e = e.parent!;
            stack[sp++] = e.vars[code[pc++]];
            break;
          }
          case Op.SetEnv:
          case Op.PutEnv: {
            let d = code[pc++];
            let e = frame.env!;
            while (d-- > 0) e = e.parent!;
            e.vars[code[pc++]] = op === Op.SetEnv ? stack[sp - 1] : stack[--sp];
            break;
          }
          case Op.GetEnvChecked:
          case Op.SetEnvChecked: {
            let d = code[pc++];
            let e = frame.env!;
            while (d-- > 0) e = e.parent!;
            const slot = code[pc++];
            const k = code[pc++];
            if (e.vars[slot] === (TDZ as unknown)) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              throw new GuestError('ReferenceError', `Cannot access '${consts[k] as string}' before initialization`);
            }
            if (op === Op.GetEnvChecked) stack[sp++] = e.vars[slot];
            else e.vars[slot] = stack[sp - 1];
            break;
          }
          case Op.ThrowConstAssign:
            frame.pc = pc; this.sp = sp; this.instructions = count;
            throw new GuestError('TypeError', 'Assignment to constant variable.');
          case Op.PushEnv: {
            const n = code[pc++];
            const e = new Env(n, frame.env);
            e.vars.fill(TDZ as unknown as Value);
            frame.env = e;
            this.charge(ENV_BYTES + SLOT_BYTES * n);
            break;
          }
          case Op.PopEnv:
            frame.env = frame.env!.parent;
            break;
          case Op.CopyEnv: {
            const old = frame.env!;
            const e = new Env(0, old.parent);
            e.vars = old.vars.slice();
            frame.env = e;
            this.charge(ENV_BYTES + SLOT_BYTES * e.vars.length);
            break;
          }
          case Op.GetGlobal: {
            const k = consts[code[pc++]] as string;
            const g = this.realm.globalObject;
            // cached (global shape → slot): slots of existing keys keep their index until the
            // shape changes identity (a delete gives a dictionary a fresh shape)
            const c = ic[pc - 2];
            if (c !== undefined && c.shape === g.shape) {
              let s: Slot;
              switch (c.slot) {
                case 0: s = g.s0; break;
                case 1: s = g.s1; break;
                case 2: s = g.s2; break;
                case 3: s = g.s3; break;
                default: s = g.more![c.slot - INLINE_SLOTS];
              }
              if (!(s instanceof Accessor)) {
                stack[sp++] = s;
                break;
              }
            }
            const i = g.shape.index.get(k);
            if (i !== undefined) {
              const s = g.getSlot(i);
              if (!(s instanceof Accessor)) {
                ic[pc - 2] = { shape: g.shape, holder: null, holderShape: null, slot: i };
                stack[sp++] = s;
                break;
              }
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            if (i === undefined && this.lookup(g, k) === HOLE) throw new GuestError('ReferenceError', `${k} is not defined`);
            stack[sp++] = this.get(g, k);
            this.sp = sp;
            break;
          }
          case Op.TypeofGlobal: {
            const k = consts[code[pc++]] as string;
            const g = this.realm.globalObject;
            frame.pc = pc; this.sp = sp; this.instructions = count;
            stack[sp++] = this.lookup(g, k) === HOLE ? 'undefined' : typeOf(this.get(g, k));
            break;
          }
          case Op.SetGlobal: {
            const k = consts[code[pc++]] as string;
            const g = this.realm.globalObject;
            frame.pc = pc; this.sp = sp; this.instructions = count;
            if (this.lookup(g, k) === HOLE) throw new GuestError('ReferenceError', `${k} is not defined`);
            this.set(g, k, stack[sp - 1]);
            break;
          }
          // ---- properties ----
          case Op.GetProp: {
            const kIndex = code[pc++];
            const obj = stack[sp - 1];
            if (obj instanceof JSObject) {
              const c = ic[pc - 2];
              if (c !== undefined && c.shape === obj.shape) {
                if (c.holder === null) {
                  let s: Slot;
                  switch (c.slot) {
                    case 0: s = obj.s0; break;
                    case 1: s = obj.s1; break;
                    case 2: s = obj.s2; break;
                    case 3: s = obj.s3; break;
                    default: s = obj.more![c.slot - INLINE_SLOTS];
                  }
                  if (!(s instanceof Accessor)) {
                    stack[sp - 1] = s;
                    break;
                  }
                } else if (c.holder.shape === c.holderShape) {
                  const h = c.holder;
                  let s: Slot;
                  switch (c.slot) {
                    case 0: s = h.s0; break;
                    case 1: s = h.s1; break;
                    case 2: s = h.s2; break;
                    case 3: s = h.s3; break;
                    default: s = h.more![c.slot - INLINE_SLOTS];
                  }
                  if (!(s instanceof Accessor)) {
                    stack[sp - 1] = s;
                    break;
                  }
                }
              }
              // an array's length is virtual (no slot, so never cached): what virtualGet answers
              if (obj instanceof JSArray && consts[kIndex] === 'length') {
                stack[sp - 1] = obj.elements.length;
                break;
              }
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const r = this.getPropSlow(obj, consts[kIndex] as string, ic, pc - 2, sp - 1);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else stack[sp - 1] = r;
            break;
          }
          case Op.GetMethod: {
            // obj → fn obj
            const kIndex = code[pc++];
            const obj = stack[sp - 1];
            stack[sp] = obj;
            if (obj instanceof JSObject) {
              const c = ic[pc - 2];
              if (c !== undefined && c.shape === obj.shape) {
                if (c.holder === null) {
                  let s: Slot;
                  switch (c.slot) {
                    case 0: s = obj.s0; break;
                    case 1: s = obj.s1; break;
                    case 2: s = obj.s2; break;
                    case 3: s = obj.s3; break;
                    default: s = obj.more![c.slot - INLINE_SLOTS];
                  }
                  if (!(s instanceof Accessor)) {
                    stack[sp - 1] = s;
                    sp++;
                    break;
                  }
                } else if (c.holder.shape === c.holderShape) {
                  const h = c.holder;
                  let s: Slot;
                  switch (c.slot) {
                    case 0: s = h.s0; break;
                    case 1: s = h.s1; break;
                    case 2: s = h.s2; break;
                    case 3: s = h.s3; break;
                    default: s = h.more![c.slot - INLINE_SLOTS];
                  }
                  if (!(s instanceof Accessor)) {
                    stack[sp - 1] = s;
                    sp++;
                    break;
                  }
                }
              }
            } else if (typeof obj === 'string') {
              // a method of String.prototype (cached by getPropSlow with the prototype's own shape)
              const c = ic[pc - 2];
              if (c !== undefined && c.holder === this.realm.StringPrototype && c.holder.shape === c.holderShape) {
                const h = c.holder;
                let s: Slot;
                switch (c.slot) {
                  case 0: s = h.s0; break;
                  case 1: s = h.s1; break;
                  case 2: s = h.s2; break;
                  case 3: s = h.s3; break;
                  default: s = h.more![c.slot - INLINE_SLOTS];
                }
                if (!(s instanceof Accessor)) {
                  stack[sp - 1] = s;
                  sp++;
                  break;
                }
              }
            }
            sp++;
            frame.pc = pc; this.sp = sp; this.instructions = count;
            // evaluate into the lower slot: [obj obj] → [fn obj]
            const key = consts[kIndex] as string;
            if (obj instanceof JSObject || typeof obj === 'string') {
              const r = this.getPropSlow(obj, key, ic, pc - 2, -1);
              if (r === PUSHED) {
                { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
                break;
              }
              stack[sp - 2] = r;
            } else {
              if (obj === null || obj === undefined) {
                throw new GuestError('TypeError', `Cannot read properties of ${obj} (reading '${key}')`);
              }
              stack[sp - 2] = this.get(obj, key);
            }
            break;
          }
          case Op.GetElem: {
            const key = stack[sp - 1];
            const obj = stack[sp - 2];
            if (obj instanceof JSArray && typeof key === 'number') {
              const el = obj.elements;
              if (key >= 0 && key < el.length && (key | 0) === key) {
                const v = el[key];
                if (v !== HOLE) {
                  stack[sp - 2] = v as Value;
                  sp--;
                  break;
                }
              }
            } else if (typeof obj === 'string' && typeof key === 'number') {
              if (key >= 0 && key < obj.length && (key | 0) === key) {
                stack[sp - 2] = obj[key];
                sp--;
                break;
              }
            }
            sp--;
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const gk = this.nativeKey(key);
            if (gk === null) {
              // a key whose conversion is script code: the prelude does the whole read
              this.sp = sp - 1;
              this.pushCall(this.realm.prelude.elemGet, undefined, [obj, key], Cont.Normal);
              { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
              break;
            }
            const r = this.getPropSlow(obj, gk, null, 0, sp - 1);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else stack[sp - 1] = r;
            break;
          }
          case Op.GetElemMethod: {
            // obj key → fn obj
            const key = stack[sp - 1];
            const obj = stack[sp - 2];
            // an array element called as a method (`fns[i](x)`): elements are data properties
            if (obj instanceof JSArray && typeof key === 'number') {
              const el = obj.elements;
              if (key >= 0 && key < el.length && (key | 0) === key) {
                const v = el[key];
                if (v !== HOLE) {
                  stack[sp - 2] = v as Value;
                  stack[sp - 1] = obj;
                  break;
                }
              }
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const pk = this.nativeKey(key);
            if (pk === null) {
              if (obj === null || obj === undefined) throw new GuestError('TypeError', `Cannot read properties of ${obj}`);
              // convert the key in the prelude (its result replaces it), then run this instruction again
              frame.pc = pc - 1;
              this.sp = sp - 1;
              this.pushCall(this.realm.prelude.elemKey, undefined, [key], Cont.Normal);
              { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
              break;
            }
            if (obj === null || obj === undefined) {
              throw new GuestError('TypeError', `Cannot read properties of ${obj} (reading '${keyText(pk)}')`);
            }
            stack[sp - 1] = obj;
            const r = this.getPropSlow(obj, pk, null, 0, -1);
            if (r === PUSHED) {
              { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
              break;
            }
            stack[sp - 2] = r;
            break;
          }
          case Op.GetPropOpt:
            throw new Error('GetPropOpt is not emitted');
          case Op.SetProp: {
            const kIndex = code[pc++];
            const v = stack[sp - 1];
            const obj = stack[sp - 2];
            if (obj instanceof JSObject) {
              const c = ic[pc - 2];
              if (c !== undefined && c.shape === obj.shape && c.holder === null) {
                switch (c.slot) {
                  case 0: obj.s0 = v; break;
                  case 1: obj.s1 = v; break;
                  case 2: obj.s2 = v; break;
                  case 3: obj.s3 = v; break;
                  default: obj.more![c.slot - INLINE_SLOTS] = v;
                }
                stack[sp - 2] = v;
                sp--;
                break;
              }
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const key = consts[kIndex] as string;
            // result value goes where obj was; a setter call is pushed above it
            stack[sp - 2] = v;
            sp--;
            this.sp = sp;
            const r = this.setProp(obj, key, v);
            if (r === PUSHED) {
              { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
              break;
            }
            if (obj instanceof JSObject && !(obj instanceof JSArray && key === 'length')) {
              const i = obj.shape.index.get(key);
              if (i !== undefined && obj.shape.attrs[i] === Attr.Default) ic[pc - 2] = { shape: obj.shape, holder: null, holderShape: null, slot: i };
            }
            break;
          }
          case Op.SetElem: {
            const v = stack[sp - 1];
            const key = stack[sp - 2];
            const obj = stack[sp - 3];
            if (obj instanceof JSArray && typeof key === 'number' && obj.writable) {
              const el = obj.elements;
              if (key >= 0 && key < el.length && (key | 0) === key) {
                el[key] = v;
                stack[sp - 3] = v;
                sp -= 2;
                break;
              }
              if (key === el.length && obj.extensible) {
                el.push(v);
                this.heapBytes += 8;
                stack[sp - 3] = v;
                sp -= 2;
                if ((this.sinceMark += 8) > this.markEvery) {
                  frame.pc = pc; this.sp = sp; this.instructions = count;
                  this.maybeMark();
                }
                break;
              }
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const pk = this.nativeKey(key);
            if (pk === null) {
              this.sp = sp - 3;
              this.pushCall(this.realm.prelude.elemSet, undefined, [obj, key, v], Cont.Normal);
              { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
              break;
            }
            stack[sp - 3] = v;
            sp -= 2;
            this.sp = sp;
            const r = this.setProp(obj, pk, v);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            break;
          }
          case Op.DeleteProp:
          case Op.DeleteElem: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const key = op === Op.DeleteProp ? (consts[code[pc++]] as string) : this.nativeKey(stack[--sp]);
            const obj = stack[sp - 1];
            if (key === null) {
              if (obj === null || obj === undefined) throw new GuestError('TypeError', 'Cannot convert undefined or null to object');
              this.sp = sp - 1;
              this.pushCall(this.realm.prelude.elemDelete, undefined, [obj, stack[sp]], Cont.Normal);
              { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
              break;
            }
            frame.pc = pc;
            stack[sp - 1] = this.deleteProp(obj, key);
            break;
          }
          case Op.GetSuper:
          case Op.GetSuperElem: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            let key: PropertyKey;
            if (op === Op.GetSuper) key = consts[code[pc++]] as string;
            else key = this.propertyKey(stack[--sp]);
            frame.pc = pc;
            const home = stack[--sp] as JSObject;
            const thisv = stack[sp - 1];
            const proto = home ? home.proto : null;
            if (!proto) throw new GuestError('TypeError', `Cannot read properties of null (reading '${keyText(key)}')`);
            const s = this.lookup(proto, key);
            if (s instanceof Accessor) {
              sp--;
              this.sp = sp;
              if (s.get) {
                const r = this.pushCall(s.get, thisv, [], Cont.Normal);
                if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
                else { sp = this.sp; count = this.instructions; }
              } else stack[sp++] = undefined;
            } else stack[sp - 1] = s === HOLE ? undefined : (s as Value);
            break;
          }
          case Op.SetSuper:
          case Op.SetSuperElem: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const v = stack[--sp];
            let key: PropertyKey;
            if (op === Op.SetSuper) key = consts[code[pc++]] as string;
            else key = this.propertyKey(stack[--sp]);
            frame.pc = pc;
            const home = stack[--sp] as JSObject;
            const thisv = stack[sp - 1];
            stack[sp - 1] = v;
            this.sp = sp;
            const proto = home ? home.proto : null;
            const s = proto ? this.lookup(proto, key) : HOLE;
            if (s instanceof Accessor) {
              if (!s.set) throw new GuestError('TypeError', `Cannot set property ${keyText(key)} which has only a getter`);
              const r = this.pushCall(s.set, thisv, [v], Cont.Discard);
              if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            } else if (thisv instanceof JSObject) this.set(thisv, key, v);
            else throw new GuestError('TypeError', 'Cannot assign to a super property of a primitive');
            break;
          }
          case Op.GetPrivate: {
            const name = stack[--sp] as unknown as PrivateName;
            const obj = stack[sp - 1];
            frame.pc = pc; this.sp = sp; this.instructions = count;
            stack[sp - 1] = this.getPrivate(obj, name, sp - 1);
            if (this.privatePushed) {
              this.privatePushed = false;
              { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            }
            break;
          }
          case Op.SetPrivate: {
            const v = stack[--sp];
            const name = stack[--sp] as unknown as PrivateName;
            const obj = stack[sp - 1];
            stack[sp - 1] = v;
            frame.pc = pc; this.sp = sp; this.instructions = count;
            if (this.setPrivate(obj, name, v)) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            break;
          }
          case Op.HasPrivate: {
            const obj = stack[--sp];
            const name = stack[sp - 1] as unknown as PrivateName;
            if (!(obj instanceof JSObject)) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              throw new GuestError('TypeError', `Cannot use 'in' operator to search for '${name.description}' in ${this.describe(obj)}`);
            }
            stack[sp - 1] = obj.shape.index.has(name);
            break;
          }
          case Op.DefinePrivate: {
            const kind = code[pc++];
            const v = stack[--sp];
            const name = stack[--sp] as unknown as PrivateName;
            const obj = stack[sp - 1] as JSObject;
            frame.pc = pc; this.sp = sp; this.instructions = count;
            this.definePrivate(obj, name, v, kind);
            break;
          }
          // ---- calls ----
          case Op.Call: {
            const argc = code[pc++];
            const fnSlot = sp - argc - 2;
            const f = stack[fnSlot];
            if (f instanceof JSFunction && (f.code.flags & (FnFlags.ClassConstructor | FnFlags.Async | FnFlags.Generator)) === 0) {
              // fast path: plain functions and methods
              const callee = f.code;
              if (this.frames.length >= this.limits.callDepth) {
                frame.pc = pc; this.sp = sp; this.instructions = count;
                throw new LimitError('callDepth', this.limits.callDepth, this.frames.length + 1);
              }
              frame.pc = pc;
              const nb = fnSlot + 2;
              const np = callee.nparams;
              if (callee.hasRest) {
                this.sp = sp;
                this.instructions = count;
                const extra: Value[] = [];
                for (let i = np; i < argc; i++) extra.push(stack[nb + i]);
                for (let i = argc; i < np; i++) stack[nb + i] = undefined;
                stack[nb + np] = this.newArray(extra);
                for (let i = np + 1; i < callee.nlocals; i++) stack[nb + i] = undefined;
              } else {
                for (let i = argc; i < np; i++) stack[nb + i] = undefined;
                for (let i = np; i < callee.nlocals; i++) stack[nb + i] = undefined;
              }
              const thisv = callee.flags & FnFlags.Arrow ? this.realm.globalObject : stack[fnSlot + 1];
              let nf = this.freeFrame;
              if (nf === null) nf = new Frame(f, callee, nb, fnSlot, f.env, thisv, undefined, Cont.Normal, null);
              else {
                this.freeFrame = nf.nextFree;
                nf.reuse(f, callee, nb, fnSlot, f.env, thisv, undefined, Cont.Normal, null);
              }
              if (this.frames.push(nf) > this.peakDepth) this.peakDepth = this.frames.length;
              this.frame = nf;
              frame = nf;
              fc = callee;
              code = fuse ? fusedCode(callee) : callee.code;
              consts = callee.constants;
              ic = callee.ic as (IC | undefined)[];
              pc = 0;
              base = nb;
              sp = nb + callee.nlocals;
              break;
            }
            if (f === arrayPush && argc === 1) {
              // Array.prototype.push of one value on a plain growable array (the native's fast path, inline)
              const t = stack[fnSlot + 1];
              if (t instanceof JSArray && t.writable && t.extensible && t.elements.length < 4294967295) {
                const el = t.elements;
                el.push(stack[sp - 1]);
                stack[fnSlot] = el.length;
                sp = fnSlot + 1;
                this.heapBytes += 8;
                if ((this.sinceMark += 8) > this.markEvery) {
                  frame.pc = pc; this.sp = sp; this.instructions = count;
                  this.maybeMark();
                }
                break;
              }
            }
            if (f instanceof NativeFunction && !(f.data instanceof BoundData)) {
              // a native: what invoke() does for it, without the detour
              frame.pc = pc; this.sp = fnSlot; this.instructions = count;
              let args: Value[];
              if (argc <= 2 && takesScratchArgs(f.nativeId)) {
                args = this.scratch[argc];
                for (let i = 0; i < argc; i++) args[i] = stack[fnSlot + 2 + i];
              } else args = stack.slice(fnSlot + 2, fnSlot + 2 + argc);
              const r = nativeImpl(f.nativeId)(this, stack[fnSlot + 1], args, undefined, f);
              if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
              else {
                stack[fnSlot] = r;
                sp = fnSlot + 1;
                count = this.instructions;
              }
              break;
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            // off the fast paths: V8 names the callee as written ("console.push is not a function")
            if (!isCallable(f)) throw new GuestError('TypeError', this.notFunctionMessage(f, frame, pc));
            const r = this.invoke(fnSlot, argc, Cont.Normal, null, undefined);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.CallSpread: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const arr = stack[--sp] as JSArray;
            const fnSlot = sp - 2;
            const args = arr.elements;
            for (let i = 0; i < args.length; i++) stack[sp++] = args[i] === HOLE ? undefined : (args[i] as Value);
            this.sp = sp;
            if (!isCallable(stack[fnSlot])) throw new GuestError('TypeError', this.notFunctionMessage(stack[fnSlot], frame, pc));
            const r = this.invoke(fnSlot, args.length, Cont.Normal, null, undefined);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.New:
          case Op.NewSpread: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            let argc: number;
            if (op === Op.New) argc = code[pc++];
            else {
              const arr = stack[--sp] as JSArray;
              argc = arr.elements.length;
              for (let i = 0; i < argc; i++) stack[sp++] = arr.elements[i] === HOLE ? undefined : (arr.elements[i] as Value);
            }
            frame.pc = pc;
            // make room for the this slot: [ctor args…] → [ctor this args…]
            const fnSlot = sp - argc - 1;
            for (let i = sp; i > fnSlot + 1; i--) stack[i] = stack[i - 1];
            stack[fnSlot + 1] = undefined;
            sp++;
            this.sp = sp;
            const ctor = stack[fnSlot];
            if (!isConstructor(ctor)) {
              this.sp = fnSlot;
              throw new GuestError('TypeError', `${this.newCalleeText(frame, pc) || this.describe(ctor)} is not a constructor`);
            }
            const r = this.construct(fnSlot, argc, ctor, Cont.Normal, null);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.SuperCall:
          case Op.SuperCallSpread: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            let argc: number;
            if (op === Op.SuperCall) argc = code[pc++];
            else {
              const arr = stack[--sp] as JSArray;
              argc = arr.elements.length;
              for (let i = 0; i < argc; i++) stack[sp++] = arr.elements[i] === HOLE ? undefined : (arr.elements[i] as Value);
            }
            frame.pc = pc;
            const parent = frame.fn.proto;
            if (!isConstructor(parent)) throw new GuestError('TypeError', `Super constructor ${parent === this.realm.FunctionPrototype ? 'null' : superText(parent)} of ${frame.code.name || 'anonymous class'} is not a constructor`);
            const fnSlot = sp - argc;
            for (let i = sp + 1; i > fnSlot + 1; i--) stack[i] = stack[i - 2];
            stack[fnSlot] = parent;
            stack[fnSlot + 1] = undefined;
            sp += 2;
            this.sp = sp;
            const r = this.construct(fnSlot, argc, frame.newTarget, Cont.Normal, null);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.BindThis: {
            const v = stack[sp - 1];
            if (frame.thisValue !== (TDZ as unknown)) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              throw new GuestError('ReferenceError', 'Super constructor may only be called once');
            }
            frame.thisValue = v;
            break;
          }
          case Op.InitFields: {
            const init = frame.fn.fieldInit;
            if (init) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              const r = this.pushCall(init, frame.thisValue, [], Cont.Discard);
              if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            }
            break;
          }
          case Op.Return: {
            const v = stack[sp - 1];
            if (frame.cont === Cont.Normal) {
              const rs = frame.retSlot;
              const frames = this.frames;
              frames.pop();
              if (this.poolFrames && frame.gen === null) {
                frame.nextFree = this.freeFrame;
                this.freeFrame = frame;
              }
              stack[rs] = v;
              sp = rs + 1;
              if (frames.length === 0) {
                this.frame = null;
                this.sp = sp;
                this.instructions = count;
                return Stop.Idle;
              }
              frame = frames[frames.length - 1];
              this.frame = frame;
              fc = frame.code;
              code = fuse ? fusedCode(fc) : fc.code;
              consts = fc.constants;
              ic = fc.ic as (IC | undefined)[];
              pc = frame.pc;
              base = frame.base;
              break;
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            this.doReturn(v);
{ sp = this.sp; count = this.instructions; const rf = this.frame; if (!rf) { this.instructions = count; return Stop.Idle; } frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; }
            break;
          }
          // ---- operators ----
          case Op.Add: {
            const b = stack[sp - 1];
            const a = stack[sp - 2];
            if (typeof a === 'number' && typeof b === 'number') {
              stack[sp - 2] = a + b;
              sp--;
              break;
            }
            if (typeof a === 'string' && typeof b === 'string') {
              const n = a.length + b.length;
              if (n > this.maxStringLength) {
                frame.pc = pc; this.sp = sp; this.instructions = count;
                this.stringTooLong(n);
              }
              stack[sp - 2] = a + b;
              sp--;
              // long strings count toward the next heap measurement
              if (n >= 64) {
                this.sinceMark += n << 1;
                if (this.sinceMark > this.markEvery) {
                  frame.pc = pc; this.sp = sp; this.instructions = count;
                  this.maybeMark();
                }
              }
              break;
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            if (this.binarySlow(op, a, b, sp)) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.Sub:
          case Op.Mul:
          case Op.Div:
          case Op.Mod:
          case Op.Exp:
          case Op.BitAnd:
          case Op.BitOr:
          case Op.BitXor:
          case Op.Shl:
          case Op.Shr:
          case Op.UShr: {
            const b = stack[sp - 1];
            const a = stack[sp - 2];
            if (typeof a === 'number' && typeof b === 'number') {
              let r: number;
              switch (op) {
                case Op.Sub:
                  r = a - b;
                  break;
                case Op.Mul:
                  r = a * b;
                  break;
                case Op.Div:
                  r = a / b;
                  break;
                case Op.Mod:
                  r = a % b;
                  break;
                case Op.Exp:
                  r = a ** b;
                  break;
                case Op.BitAnd:
                  r = a & b;
                  break;
                case Op.BitOr:
                  r = a | b;
                  break;
                case Op.BitXor:
                  r = a ^ b;
                  break;
                case Op.Shl:
                  r = a << b;
                  break;
                case Op.Shr:
                  r = a >> b;
                  break;
                default:
                  r = a >>> b;
              }
              stack[sp - 2] = r;
              sp--;
              break;
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            if (this.binarySlow(op, a, b, sp)) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.Lt:
          case Op.Le:
          case Op.Gt:
          case Op.Ge: {
            const b = stack[sp - 1];
            const a = stack[sp - 2];
            if (typeof a === 'number' && typeof b === 'number') {
              stack[sp - 2] = op === Op.Lt ? a < b : op === Op.Le ? a <= b : op === Op.Gt ? a > b : a >= b;
              sp--;
              break;
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            if (this.binarySlow(op, a, b, sp)) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.StrictEq:
            stack[sp - 2] = stack[sp - 2] === stack[sp - 1];
            sp--;
            break;
          case Op.StrictNe:
            stack[sp - 2] = stack[sp - 2] !== stack[sp - 1];
            sp--;
            break;
          case Op.Eq:
          case Op.Ne: {
            const b = stack[sp - 1];
            const a = stack[sp - 2];
            const r = looseEqualsPrim(a, b);
            if (r !== undefined) {
              stack[sp - 2] = op === Op.Eq ? r : !r;
              sp--;
              break;
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            if (this.binarySlow(op, a, b, sp)) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.InstanceOf: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const r = this.instanceOf(stack[sp - 2], stack[sp - 1]);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else {
              stack[sp - 2] = r;
              sp--;
            }
            break;
          }
          case Op.In: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const obj = stack[sp - 1];
            const k = stack[sp - 2];
            const key = this.nativeKey(k);
            if (!(obj instanceof JSObject)) {
              const shown = key === null ? this.describe(k) : keyText(key);
              throw new GuestError('TypeError', `Cannot use 'in' operator to search for '${shown}' in ${this.describe(obj)}`);
            }
            if (key === null) {
              this.sp = sp - 2;
              this.pushCall(this.realm.prelude.elemHas, undefined, [k, obj], Cont.Normal);
              { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
              break;
            }
            stack[sp - 2] = this.lookup(obj, key) !== HOLE;
            sp--;
            break;
          }
          case Op.Neg:
          case Op.Plus:
          case Op.BitNot:
          case Op.Inc:
          case Op.Dec:
          case Op.ToNumeric: {
            const a = stack[sp - 1];
            if (typeof a === 'number') {
              stack[sp - 1] = op === Op.Inc ? a + 1 : op === Op.Dec ? a - 1 : op === Op.Neg ? -a : op === Op.BitNot ? ~a : a;
              break;
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            if (this.unarySlow(op, a, sp)) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.ToString:
          case Op.ToPropertyKey: {
            const a = stack[sp - 1];
            if (typeof a === 'string') break;
            // a number or symbol key stays as it is: element access takes numbers directly, and
            // converting them has no effect to order
            if (op === Op.ToPropertyKey && (typeof a === 'number' || a instanceof GSymbol)) break;
            frame.pc = pc; this.sp = sp; this.instructions = count;
            if (this.unarySlow(op, a, sp)) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.Not:
            stack[sp - 1] = !toBoolean(stack[sp - 1]);
            break;
          case Op.Typeof:
            stack[sp - 1] = typeOf(stack[sp - 1]);
            break;
          // ---- control ----
          case Op.Jump: {
            const t = code[pc];
            pc = t;
            break;
          }
          case Op.JumpIfFalse: {
            const v = stack[--sp];
            if (v === false || (v !== true && !toBoolean(v))) pc = code[pc];
            else pc++;
            break;
          }
          case Op.JumpIfTrue: {
            const v = stack[--sp];
            if (v === true || (v !== false && toBoolean(v))) pc = code[pc];
            else pc++;
            break;
          }
          case Op.JumpIfFalseKeep:
            if (!toBoolean(stack[sp - 1])) pc = code[pc];
            else {
              sp--;
              pc++;
            }
            break;
          case Op.JumpIfTrueKeep:
            if (toBoolean(stack[sp - 1])) pc = code[pc];
            else {
              sp--;
              pc++;
            }
            break;
          case Op.JumpIfNotNullishKeep: {
            const v = stack[sp - 1];
            if (v !== null && v !== undefined) pc = code[pc];
            else {
              sp--;
              pc++;
            }
            break;
          }
          case Op.JumpIfNullish: {
            const v = stack[--sp];
            if (v === null || v === undefined) pc = code[pc];
            else pc++;
            break;
          }
          case Op.JumpIfUndefined:
            if (stack[sp - 1] === undefined) {
              sp--;
              pc = code[pc];
            } else pc++;
            break;
          case Op.Throw:
            frame.pc = pc; this.sp = sp; this.instructions = count;
            throw new GuestThrow(stack[--sp]);
          case Op.ThrowError: {
            const kind = code[pc++];
            const msg = consts[code[pc++]] as string;
            frame.pc = pc; this.sp = sp; this.instructions = count;
            throw new GuestError(kind === 1 ? 'TypeError' : kind === 2 ? 'ReferenceError' : kind === 3 ? 'RangeError' : 'Error', msg);
          }
          case Op.TryPush:
            if (frame.tryStack === NO_TRY) {
              frame.tryStack = [];
              frame.tryEnvs = [];
            }
            frame.tryStack.push(code[pc++], sp);
            frame.tryEnvs.push(frame.env);
            break;
          case Op.TryPop:
            // pops, not length writes (a length store is a slow builtin call in V8)
            frame.tryStack.pop();
            frame.tryStack.pop();
            frame.tryEnvs.pop();
            break;
          // ---- literals ----
          case Op.NewObject: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            this.charge(64);
            stack[sp++] = new JSObject(this.realm.ObjectPrototype, Cls.Object, this.realm.objectRootShape);
            break;
          }
          case Op.NewArray: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            stack[sp++] = this.newArray([]);
            break;
          }
          case Op.ArrayPush: {
            const v = stack[--sp];
            (stack[sp - 1] as JSArray).elements.push(v);
            this.heapBytes += 8;
            if ((this.sinceMark += 8) > this.markEvery) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              this.maybeMark();
            }
            break;
          }
          case Op.ArrayHole:
            (stack[sp - 1] as JSArray).elements.push(HOLE);
            break;
          case Op.ArraySpread: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const src = stack[sp - 1];
            const target = stack[sp - 2] as JSArray;
            if (this.spreadFast(target, src)) {
              sp--;
              break;
            }
            this.checkSpreadable(src);
            // generic iterables: the prelude drives the protocol
            sp--;
            this.sp = sp;
            const r = this.pushCall(this.realm.prelude.spreadInto, undefined, [target, src], Cont.Discard);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            break;
          }
          case Op.DefineField: {
            const kIndex = code[pc++];
            const v = stack[--sp];
            const obj = stack[sp - 1] as JSObject;
            const c = ic[pc - 2];
            if (c !== undefined && c.shape === obj.shape && c.holder !== null) {
              // cached transition: holderShape is the shape after adding
              obj.shape = c.holderShape!;
              // (the first slots are fields: no array for small literals)
              switch (obj.slotCount) {
                case 0: obj.s0 = v; obj.slotCount = 1; break;
                case 1: obj.s1 = v; obj.slotCount = 2; break;
                case 2: obj.s2 = v; obj.slotCount = 3; break;
                case 3: obj.s3 = v; obj.slotCount = 4; break;
                default: obj.pushSlot(v);
              }
              break;
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const key = consts[kIndex] as string;
            const before = obj.shape;
            this.defineData(obj, key, v);
            if (!before.dictionary && !obj.shape.dictionary && obj.slotCount === before.keys.length + 1 && !(obj instanceof JSArray)) {
              ic[pc - 2] = { shape: before, holder: obj, holderShape: obj.shape, slot: obj.slotCount - 1 };
            }
            break;
          }
          case Op.DefineElem: {
            const v = stack[--sp];
            const key = this.propertyKeySafe(stack[--sp]);
            frame.pc = pc; this.sp = sp; this.instructions = count;
            this.defineData(stack[sp - 1] as JSObject, key, v);
            break;
          }
          case Op.DefineGetter:
          case Op.DefineSetter:
          case Op.DefineMethod: {
            const enumerable = code[pc++];
            const f = stack[--sp] as JSFunction;
            const key = this.propertyKeySafe(stack[--sp]);
            const obj = stack[sp - 1] as JSObject;
            frame.pc = pc; this.sp = sp; this.instructions = count;
            this.defineMethodLike(obj, key, f, op, enumerable === 1);
            break;
          }
          case Op.CopyDataProps: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const src = stack[--sp];
            this.sp = sp;
            const r = this.copyDataProperties(stack[sp - 1] as JSObject, src, null);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            break;
          }
          case Op.CopyRest: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const excluded = stack[--sp] as JSArray;
            const src = stack[--sp];
            this.sp = sp;
            const r = this.copyDataProperties(stack[sp - 1] as JSObject, src, excluded.elements as Value[]);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            break;
          }
          case Op.SetProtoLit: {
            const p = stack[--sp];
            const obj = stack[sp - 1] as JSObject;
            if (p === null || p instanceof JSObject) setPrototype(obj, p);
            break;
          }
          case Op.Closure: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            stack[sp++] = this.makeClosure(fc.unit.functions[code[pc++]], frame.env);
            break;
          }
          case Op.SetHome:
            (stack[sp - 1] as JSFunction).home = stack[sp - 3] as JSObject;
            break;
          case Op.SetFnName: {
            const f = stack[sp - 1] as JSObject;
            const key = stack[sp - 2];
            frame.pc = pc; this.sp = sp; this.instructions = count;
            this.setFunctionName(f, key as PropertyKey, '');
            break;
          }
          case Op.Class: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const ctorCode = fc.unit.functions[code[pc++]];
            const hasParent = code[pc++] === 1;
            const parent = hasParent ? stack[--sp] : undefined;
            this.sp = sp;
            const [ctor, proto] = this.makeClass(ctorCode, frame.env, hasParent, parent);
            stack[sp++] = ctor;
            stack[sp++] = proto;
            break;
          }
          case Op.SetFieldInit: {
            const init = stack[--sp] as JSFunction;
            const ctor = stack[sp - 1] as JSFunction;
            init.home = this.get(ctor, 'prototype') as JSObject;
            ctor.fieldInit = init;
            break;
          }
          case Op.TemplateObject: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const t = consts[code[pc++]] as TemplateConst;
            stack[sp++] = this.templateObject(t);
            break;
          }
          case Op.RegExp: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const source = consts[code[pc++]] as string;
            const flags = consts[code[pc++]] as string;
            stack[sp++] = this.realm.newRegExp(source, flags);
            break;
          }
          case Op.NewPrivateName:
            stack[sp++] = new PrivateName(consts[code[pc++]] as string) as unknown as Value;
            break;
          // ---- iteration ----
          case Op.GetIterator:
          case Op.GetAsyncIterator: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const obj = stack[sp - 1];
            sp--;
            this.sp = sp;
            const r = op === Op.GetIterator ? this.getIterator(obj) : this.getAsyncIterator(obj);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.IterNext: {
            const r = code[pc++];
            const doneTarget = code[pc++];
            const it = stack[base + r];
            if (it instanceof JSIterator && stack[base + r + 1] === this.realm.arrayIterNext && it.target instanceof JSArray && it.kind === IterKind.Values) {
              const el = it.target.elements;
              if (!it.done && it.pos < el.length) {
                const v = el[it.pos++];
                stack[sp++] = v === HOLE ? undefined : (v as Value);
              } else {
                it.done = true;
                pc = doneTarget;
              }
              break;
            }
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const res = this.iterNextSlow(it, stack[base + r + 1], doneTarget);
            if (res === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else if (res === HOLE_DONE) pc = doneTarget;
            else stack[sp++] = res as Value;
            break;
          }
          case Op.IterNextResult: {
            const r = code[pc++];
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const res = this.pushCall(stack[base + r + 1], stack[base + r], [], Cont.Normal);
            if (res === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.IterClose:
          case Op.IterCloseQuiet: {
            const r = code[pc++];
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const res = this.iterClose(stack[base + r], op === Op.IterCloseQuiet);
            if (res === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.IterValue:
          case Op.IterDone:
            throw new Error('unused opcode');
          case Op.CheckObject:
            if (!(stack[sp - 1] instanceof JSObject)) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              throw this.notIterResult(stack[sp - 1]);
            }
            break;
          case Op.ForInPrepare: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            stack[sp - 1] = this.forInIterator(stack[sp - 1]);
            break;
          }
          case Op.ForInNext: {
            const r = code[pc++];
            const doneTarget = code[pc++];
            const it = stack[base + r] as unknown as ForInState;
            const keys = it.keys;
            const obj = it.obj;
            let found = false;
            while (it.pos < keys.length) {
              const k = keys[it.pos++];
              // skip keys deleted during iteration
              if (obj && this.lookup(obj, k) === HOLE) continue;
              stack[sp++] = k;
              found = true;
              break;
            }
            if (!found) pc = doneTarget;
            break;
          }
          // ---- generators and async ----
          case Op.GeneratorStart: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            this.generatorStart();
            { sp = this.sp; count = this.instructions; const rf = this.frame; if (!rf) { this.instructions = count; return Stop.Idle; } frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; }
            break;
          }
          case Op.Yield: {
            const raw = code[pc++];
            // the yielded value leaves the operand stack before the frame is saved: operands
            // below it (`f(yield)`, `10 + (yield 1)`) must be exactly those the resume sees
            const yielded = stack[--sp];
            frame.pc = pc; this.sp = sp; this.instructions = count;
            this.yieldValue(yielded, raw === 1);
            { sp = this.sp; count = this.instructions; const rf = this.frame; if (!rf) { this.instructions = count; return Stop.Idle; } frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; }
            break;
          }
          case Op.ResumeKind:
            stack[sp++] = frame.resumeMode;
            break;
          case Op.YieldResume:
            if (frame.resumeMode === 1) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              throw new GuestThrow(stack[--sp]);
            }
            break;
          case Op.Await: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const v = stack[--sp];
            this.sp = sp;
            this.await(v);
            { sp = this.sp; count = this.instructions; const rf = this.frame; if (!rf) { this.instructions = count; return Stop.Idle; } frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; }
            break;
          }
          case Op.CreateAsyncFromSync: {
            frame.pc = pc; this.sp = sp; this.instructions = count;
            const next = stack[--sp];
            const it = stack[--sp];
            this.sp = sp;
            const r = this.pushCall(this.realm.prelude.asyncFromSyncIterator, undefined, [it, next], Cont.Unpack, null);
            if (r === PUSHED) { sp = this.sp; count = this.instructions; const rf = this.frame; if (rf) { frame = rf; fc = rf.code; code = fuse ? fusedCode(fc) : fc.code; consts = fc.constants; ic = fc.ic as (IC | undefined)[]; pc = rf.pc; base = rf.base; } }
            else { sp = this.sp; count = this.instructions; }
            break;
          }
          case Op.AsyncGenYield:
            throw new Error('unsupported opcode');
          case Op.PrivateBrand: {
            const nm = stack[sp - 1] as unknown;
            if (nm instanceof PrivateName) {
              nm.brandClass = consts[code[pc]] as string;
              nm.brandStatic = code[pc + 1] === 1;
            }
            pc += 2;
            break;
          }
          case Op.Debugger:
            if (this.onDebugger) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              this.onDebugger(this);
            }
            break;
          case Op.Completion:
            sp--;
            break;
          case Op.ThrowIfNotObject: {
            const v = stack[sp - 1];
            pc++;
            if (v === null || v === undefined) {
              frame.pc = pc; this.sp = sp; this.instructions = count;
              throw new GuestError('TypeError', this.cannotDestructure(v, consts[code[pc - 1]]));
            }
            break;
          }
          case Op.CheckTDZThis:
          case Op.Nop:
            break;
          case Op.Break:
            // a debugger breakpoint: stop before the instruction it covers, uncounted
            frame.pc = pc - 1; this.sp = sp; this.instructions = count - 1;
            return Stop.Break;
          case Op.HostWait: {
            // a sync capability call: evaluate to the answer, or suspend until there is one
            const answered = this.host.answered;
            const id = stack[sp - 1];
            let k = 0;
            while (k < answered.length && answered[k].id !== id) k++;
            if (k === answered.length) {
              // not answered: stay on this instruction (uncounted) and return to the driver
              frame.pc = pc - 1; this.sp = sp; this.instructions = count - 1;
              return Stop.Suspend;
            }
            const call = answered[k];
            answered.splice(k, 1);
            if (!call.ok) {
              frame.pc = pc; this.sp = sp - 1; this.instructions = count;
              throw new GuestThrow(call.value);
            }
            stack[sp - 1] = call.value;
            break;
          }
          default:
            frame.pc = pc; this.sp = sp; this.instructions = count;
            throw new Error(`internal: bad opcode ${op} at ${pc - 1}`);
        }
      }
    } catch (e) {
      // make sure the frame's pc and the counters are current for unwinding
      frame.pc = pc;
      if (this.frame === frame) this.sp = Math.max(this.sp, 0);
      this.instructions = count;
      throw e;
    }
  }

  // ---- helpers used by the loop ----------------------------------------------------

  maxStringLength = 1 << 28;

  stringTooLong(n: number): never {
    throw new LimitError('heapBytes', this.limits.heapBytes, n * 2, `string of ${n} characters exceeds the heap budget; raise limits.heapBytes`);
  }

  /** Property key conversion for primitives; objects go through the prelude. */
  propertyKey(v: Value): PropertyKey {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (v instanceof JSObject) return this.objectToKey(v);
    return toPropertyKey(v);
  }

  propertyKeySafe(v: Value): PropertyKey {
    if (v instanceof PrivateName) return v;
    return this.propertyKey(v);
  }

  /**
   * ToPropertyKey without running script code; null for an object whose conversion is script
   * code (toString, valueOf, @@toPrimitive), which the interpreter's slow paths hand to the
   * prelude.
   */
  nativeKey(v: Value): PropertyKey | null {
    if (!(v instanceof JSObject)) return this.propertyKey(v);
    const prim = this.toPrimitiveNative(v, 'string');
    return prim === HOLE ? null : toPropertyKey(prim as Value);
  }

  /** Objects used as keys by the built-ins: only built-in toString behaviour is supported without guest calls. */
  private objectToKey(o: JSObject): PropertyKey {
    const k = this.nativeKey(o);
    if (k === null) throw new GuestError('TypeError', 'Objects with custom toString/valueOf cannot be used as property keys');
    return k;
  }

  /**
   * ToPrimitive without running guest code: succeeds when the conversion only uses
   * built-in methods; returns HOLE when a guest method would be called.
   */
  toPrimitiveNative(o: JSObject, hint: 'string' | 'number' | 'default'): Value | typeof HOLE {
    const ex = this.lookup(o, WELL_KNOWN.toPrimitive);
    if (ex !== HOLE && ex !== undefined && ex !== null) {
      if (ex instanceof Accessor || !(ex instanceof NativeFunction)) return HOLE;
      const depth = this.frames.length;
      const sp = this.sp;
      const r = nativeImpl(ex.nativeId)(this, o, [hint], undefined, ex);
      if (r === PUSHED) {
        // the native needs guest code (e.g. Date's with a script toString): undo, use the prelude
        this.frames.length = depth;
        this.frame = depth ? this.frames[depth - 1] : null;
        this.sp = sp;
        return HOLE;
      }
      return r;
    }
    const order = hint === 'string' ? ['toString', 'valueOf'] : ['valueOf', 'toString'];
    for (const m of order) {
      const f = this.lookup(o, m);
      if (f instanceof Accessor) return HOLE;
      if (f === HOLE || !isCallable(f as Value)) continue;
      // Error.prototype.toString is self-hosted; over data properties it needs no guest code
      if (f instanceof JSFunction && f === this.lookup(this.realm.ErrorPrototype, 'toString')) return this.errorToStringNative(o);
      if (!(f instanceof NativeFunction) || f.data instanceof BoundData) return HOLE;
      if (this.realm.guestDependentNatives.has(f.nativeId) && !this.joinsNatively(o, 0)) return HOLE;
      const depth = this.frames.length;
      const sp = this.sp;
      const r = nativeImpl(f.nativeId)(this, o, [], undefined, f);
      if (r === PUSHED) {
        // the native wanted guest code (e.g. an overridden join): undo, let the prelude convert
        this.frames.length = depth;
        this.frame = depth ? this.frames[depth - 1] : null;
        this.sp = sp;
        return HOLE;
      }
      if (!(r instanceof JSObject)) return r;
    }
    throw new GuestError('TypeError', 'Cannot convert object to primitive value');
  }

  /** Error.prototype.toString of `o` when its name and message are primitive data; HOLE otherwise. */
  private errorToStringNative(o: JSObject): string | typeof HOLE {
    const n = this.lookup(o, 'name');
    const m = this.lookup(o, 'message');
    if (n instanceof Accessor || m instanceof Accessor || n instanceof JSObject || m instanceof JSObject) return HOLE;
    const name = n === HOLE || n === undefined ? 'Error' : primToString(n as Value);
    const msg = m === HOLE || m === undefined ? '' : primToString(m as Value);
    if (!name) return msg;
    if (!msg) return name;
    return `${name}: ${msg}`;
  }

  /**
   * True when a built-in toString of `o` (an array's join) needs no guest code: every element
   * is a primitive or an object whose own conversion is built-in (nested arrays likewise, to a
   * small depth; deeper or cyclic ones take the prelude path).
   */
  private joinsNatively(o: JSObject, depth: number): boolean {
    if (!(o instanceof JSArray)) return o.cls !== Cls.Array;
    if (depth > 4) return false;
    for (const e of o.elements) {
      if (!(e instanceof JSObject)) continue;
      const tp = this.lookup(e, WELL_KNOWN.toPrimitive);
      if (tp !== HOLE && tp !== undefined && tp !== null) return false;
      const f = this.lookup(e, 'toString');
      if (!(f instanceof NativeFunction) || f.data instanceof BoundData) return false;
      if (this.realm.guestDependentNatives.has(f.nativeId) && !this.joinsNatively(e, depth + 1)) return false;
    }
    return true;
  }

  /** Binary operator slow path. Returns true when a guest frame was pushed. */
  private binarySlow(op: number, a: Value, b: Value, sp: number): boolean {
    const stack = this.stack;
    if (a instanceof JSObject || b instanceof JSObject) {
      const hint = op === Op.Add || op === Op.Eq || op === Op.Ne ? 'default' : 'number';
      let pa: Value | typeof HOLE = a;
      let pb: Value | typeof HOLE = b;
      if (op === Op.Eq || op === Op.Ne) {
        // only the object side converts, and only against a primitive
        if (a instanceof JSObject && !(b instanceof JSObject)) pa = b === null || b === undefined ? HOLE : this.toPrimitiveNative(a, 'default');
        if (b instanceof JSObject && !(a instanceof JSObject)) pb = a === null || a === undefined ? HOLE : this.toPrimitiveNative(b, 'default');
        if ((a instanceof JSObject && b === null) || (a instanceof JSObject && b === undefined) || (b instanceof JSObject && (a === null || a === undefined))) {
          stack[sp - 2] = op === Op.Ne;
          this.sp = sp - 1;
          return false;
        }
      } else {
        if (a instanceof JSObject) pa = this.toPrimitiveNative(a, hint);
        // arithmetic and bitwise operators: V8 takes ToNumeric of the left side before it
        // converts the right one (a Symbol throws first)
        if (op >= Op.Sub && op <= Op.UShr && pa instanceof GSymbol) throw new GuestError('TypeError', 'Cannot convert a Symbol value to a number');
        if (pa !== HOLE && b instanceof JSObject) pb = this.toPrimitiveNative(b, hint);
      }
      if (pa === HOLE || pb === HOLE) {
        // guest conversion methods: let the prelude do the whole operation
        this.sp = sp - 2;
        const kind = op === Op.Eq || op === Op.Ne ? 'eq' : hint;
        const r = this.pushCall(this.realm.prelude.binary, undefined, [op, a, b, kind, op >= Op.Sub && op <= Op.UShr], Cont.Normal);
        return r === PUSHED;
      }
      a = pa as Value;
      b = pb as Value;
    }
    stack[sp - 2] = this.primitiveBinary(op, a, b);
    this.sp = sp - 1;
    return false;
  }

  /** A binary operator on primitives: the host's operators implement the spec exactly here. */
  primitiveBinary(op: number, a: Value, b: Value): Value {
    if (a instanceof GSymbol || b instanceof GSymbol) {
      if (op === Op.Eq || op === Op.StrictEq) return a === b;
      if (op === Op.Ne || op === Op.StrictNe) return a !== b;
      throw new GuestError('TypeError', op === Op.Add && (typeof a === 'string' || typeof b === 'string') ? 'Cannot convert a Symbol value to a string' : 'Cannot convert a Symbol value to a number');
    }
    // Host primitives only from here: no host object can be reached.
    const x = a as number;
    const y = b as number;
    if (typeof x === 'bigint' && typeof y === 'bigint') this.checkBigBinary(op, x, y);
    try {
      switch (op) {
        case Op.Add: {
          // a BigInt meeting a string is converted through primToString, which charges big ones
          const r =
            typeof x === 'bigint' || typeof y === 'bigint'
              ? (typeof x === 'string' ? x + primToString(y) : typeof y === 'string' ? primToString(x) + y : (x as unknown as string) + (y as unknown as string))
              : (x as unknown as string) + (y as unknown as string);
          if (typeof r === 'string') {
            if (r.length > this.maxStringLength) this.stringTooLong(r.length);
            // as in the string fast path: long results count toward the next heap measurement
            // (`s += f` with a function or object converts here, and V8 may flatten each result)
            if (r.length >= 64) {
              this.sinceMark += r.length << 1;
              if (this.sinceMark > this.markEvery) this.maybeMark();
            }
          }
          return r;
        }
        case Op.Sub:
          return x - y;
        case Op.Mul:
          return x * y;
        case Op.Div:
          return x / y;
        case Op.Mod:
          return x % y;
        case Op.Exp:
          return x ** y;
        case Op.BitAnd:
          return x & y;
        case Op.BitOr:
          return x | y;
        case Op.BitXor:
          return x ^ y;
        case Op.Shl:
          return x << y;
        case Op.Shr:
          return x >> y;
        case Op.UShr:
          return x >>> y;
        case Op.Lt:
          return x < y;
        case Op.Le:
          return x <= y;
        case Op.Gt:
          return x > y;
        case Op.Ge:
          return x >= y;
        case Op.Eq:
          return x == y;
        case Op.Ne:
          return x != y;
      }
    } catch (e) {
      if (e instanceof LimitError) throw e;
      if (e instanceof TypeError) throw new GuestError('TypeError', e.message);
      if (e instanceof RangeError) throw new GuestError('RangeError', e.message);
      throw e;
    }
    throw new Error('internal: bad binary op');
  }

  /**
   * Before a BigInt operation runs on the host: estimates the result's size from the
   * operands' sizes, refuses results over {@link MAX_BIG_BITS}, and charges large ones to
   * the heap (reserve first, so the host never allocates past the budget) and their work
   * to the instruction budget (so a loop of big multiplications or shifts cannot outrun
   * the time check). Small operands (≤ 64 bits) cost nothing extra.
   */
  private checkBigBinary(op: number, x: bigint, y: bigint): void {
    const bx = bigBits(x);
    const by = bigBits(y);
    let est: number;
    let work: number;
    switch (op) {
      case Op.Mul:
        est = bx + by;
        work = bigMulWork(bx, by);
        break;
      case Op.Div:
      case Op.Mod:
        est = bx;
        work = bigMulWork(bx, by);
        break;
      case Op.Exp:
        if (y < 0n || x === 0n || x === 1n || x === -1n) return;
        est = (bx <= 64 ? (x < 0n ? -x : x).toString(2).length : bx) * Number(y);
        work = est > MAX_BIG_BITS ? 0 : 2 * bigMulWork(est / 2, est / 2);
        break;
      case Op.Shl:
      case Op.Shr:
        // a negative count shifts the other way
        est = (op === Op.Shl) === y > 0n ? bx + Math.abs(Number(y)) : bx;
        work = est >> 4;
        break;
      case Op.Lt:
      case Op.Le:
      case Op.Gt:
      case Op.Ge:
      case Op.Eq:
      case Op.Ne:
        return;
      default:
        est = Math.max(bx, by) + 1;
        work = est >> 4;
    }
    if (est > MAX_BIG_BITS) this.bigTooLarge();
    this.chargeBig(est, work);
  }

  /** Charges a BigInt result of about `bits` bits and `work` instructions (nothing for small ones). */
  chargeBig(bits: number, work: number): void {
    if (bits <= 4096) return;
    const bytes = 16 + Math.ceil(bits / 8);
    this.reserve(bytes);
    this.charge(bytes);
    this.chargeWork(Math.ceil(work));
  }

  private bigTooLarge(): never {
    throw new LimitError('heapBytes', this.limits.heapBytes, this.limits.heapBytes + 1, 'BigInt result too large for the heap budget; raise limits.heapBytes');
  }

  /** Unary numeric/string conversions' slow path. Returns true when a frame was pushed. */
  private unarySlow(op: number, a: Value, sp: number): boolean {
    const stack = this.stack;
    if (a instanceof JSObject) {
      const hint = op === Op.ToString || op === Op.ToPropertyKey ? 'string' : 'number';
      const p = this.toPrimitiveNative(a, hint);
      if (p === HOLE) {
        this.sp = sp - 1;
        const r = this.pushCall(this.realm.prelude.unary, undefined, [op, a, hint], Cont.Normal);
        return r === PUSHED;
      }
      a = p as Value;
    }
    stack[sp - 1] = this.primitiveUnary(op, a);
    this.sp = sp;
    return false;
  }

  primitiveUnary(op: number, a: Value): Value {
    switch (op) {
      case Op.ToString:
        return primToString(a);
      case Op.ToPropertyKey:
        return toPropertyKey(a) as Value;
    }
    if (a instanceof GSymbol) throw new GuestError('TypeError', 'Cannot convert a Symbol value to a number');
    const x = a as number;
    if (typeof x === 'bigint') {
      const bits = bigBits(x);
      this.chargeBig(bits + 1, bits >> 4);
    }
    try {
      switch (op) {
        case Op.Neg:
          return -x;
        case Op.Plus:
          return +x;
        case Op.BitNot:
          return ~x;
        case Op.Inc:
          return typeof x === 'bigint' ? (x as bigint) + 1n : +x + 1;
        case Op.Dec:
          return typeof x === 'bigint' ? (x as bigint) - 1n : +x - 1;
        case Op.ToNumeric:
          return typeof x === 'bigint' ? x : +x;
      }
    } catch (e) {
      if (e instanceof TypeError) throw new GuestError('TypeError', e.message);
      throw e;
    }
    throw new Error('internal: bad unary op');
  }

  /** [[Get]] with a possible guest getter; caches plain data hits at `ic[at]`. */
  private getPropSlow(obj: Value, key: PropertyKey, ic: (IC | undefined)[] | null, at: number, resultSlot: number): Value | typeof PUSHED {
    let o: JSObject;
    if (obj instanceof JSObject) o = obj;
    else {
      if (typeof obj === 'string') {
        if (key === 'length') return obj.length;
        const idx = arrayIndexOf(key);
        if (idx >= 0) return idx < obj.length ? obj[idx] : undefined;
      }
      if (obj === null || obj === undefined) {
        throw new GuestError('TypeError', `Cannot read properties of ${obj} (reading '${keyText(key)}')`);
      }
      o = this.protoOfPrimitive(obj);
    }
    // own or prototype lookup, remembering the holder for the cache
    let holder: JSObject | null = o;
    let depth = 0;
    while (holder !== null) {
      if (holder instanceof JSArray || holder instanceof JSPrimitiveObject) {
        const v = virtualGet(holder, key);
        if (v !== HOLE) return v as Value;
      }
      const i = holder.shape.index.get(key);
      if (i !== undefined) {
        const s = holder.getSlot(i);
        if (s instanceof Accessor) {
          if (!s.get) return undefined;
          if (s.get instanceof NativeFunction && !(s.get.data instanceof BoundData)) {
            const r = nativeImpl(s.get.nativeId)(this, obj, [], undefined, s.get);
            if (r !== PUSHED) return r;
            return PUSHED;
          }
          if (resultSlot === -1) {
            // method lookup [obj obj]: the getter's result replaces the lower copy
            this.pushCall(s.get, obj, [], Cont.Method);
            this.frames[this.frames.length - 1].retSlot -= 2;
            return PUSHED;
          }
          // replace the receiver slot by the getter call
          this.sp--;
          this.pushCall(s.get, obj, [], Cont.Normal);
          return PUSHED;
        }
        // cache own and first-prototype hits (the shape implies the prototype)
        if (ic !== null && obj instanceof JSObject && depth <= 1) {
          ic[at] = depth === 0 ? { shape: o.shape, holder: null, holderShape: null, slot: i } : { shape: o.shape, holder, holderShape: holder.shape, slot: i };
        } else if (ic !== null && typeof obj === 'string' && depth === 0 && holder === this.realm.StringPrototype) {
          // a string primitive's property found on String.prototype (not an index or length,
          // handled above): GetMethod's string fast path reads it while the prototype's shape holds
          ic[at] = { shape: holder.shape, holder, holderShape: holder.shape, slot: i };
        }
        return s;
      }
      holder = holder.proto;
      depth++;
    }
    return undefined;
  }

  deleteProp(obj: Value, key: PropertyKey): boolean {
    if (!(obj instanceof JSObject)) {
      if (obj === null || obj === undefined) throw new GuestError('TypeError', `Cannot convert undefined or null to object`);
      // a string's indices and length are non-configurable own properties of its wrapper
      if (typeof obj === 'string' && stringOwnKey(obj, key)) throw new GuestError('TypeError', `Cannot delete property '${key as string}' of [object String]`);
      return true;
    }
    if (obj instanceof JSPrimitiveObject && obj.cls === Cls.String && stringOwnKey(obj.value as string, key)) {
      throw new GuestError('TypeError', `Cannot delete property '${key as string}' of [object String]`);
    }
    if (obj instanceof JSArray) {
      const idx = typeof key === 'string' ? arrayIndexOf(key) : -1;
      if (idx >= 0) {
        if (!obj.writable) throw new GuestError('TypeError', `Cannot delete property '${key as string}' of [object Array]`);
        if (idx < obj.elements.length) {
          obj.elements[idx] = HOLE;
        }
        return true;
      }
      if (key === 'length') throw new GuestError('TypeError', "Cannot delete property 'length' of [object Array]");
    }
    if (!obj.deleteOwn(key)) throw new GuestError('TypeError', `Cannot delete property '${keyText(key)}' of ${noSideEffectsToString(this, obj)}`);
    return true;
  }

  private privatePushed = false;

  private getPrivate(obj: Value, name: PrivateName, slot: number): Value {
    void slot;
    if (!(obj instanceof JSObject) || !obj.shape.index.has(name)) {
      throw new GuestError('TypeError', privateMissMessage(obj, name, false));
    }
    const s = obj.getSlot(obj.shape.index.get(name)!);
    if (s instanceof Accessor) {
      if (!s.get) throw new GuestError('TypeError', `'${name.description}' was defined without a getter`);
      this.sp--;
      const r = this.pushCall(s.get, obj, [], Cont.Normal);
      if (r === PUSHED) {
        this.privatePushed = true;
        return undefined;
      }
      this.sp++;
      return r;
    }
    return s;
  }

  private setPrivate(obj: Value, name: PrivateName, v: Value): boolean {
    if (!(obj instanceof JSObject) || !obj.shape.index.has(name)) {
      throw new GuestError('TypeError', privateMissMessage(obj, name, true));
    }
    const i = obj.shape.index.get(name)!;
    const s = obj.getSlot(i);
    if (s instanceof Accessor) {
      if (!s.set) throw new GuestError('TypeError', `'${name.description}' was defined without a setter`);
      return this.pushCall(s.set, obj, [v], Cont.Discard) === PUSHED;
    }
    if (!(obj.shape.attrs[i] & Attr.Writable)) throw new GuestError('TypeError', `Private method '${name.description}' is not writable`);
    obj.setSlot(i, v);
    return false;
  }

  private definePrivate(obj: JSObject, name: PrivateName, v: Value, kind: number): void {
    const i = obj.shape.index.get(name);
    if (kind === 1 || kind === 2) {
      if (i !== undefined) {
        const acc = obj.getSlot(i) as Accessor;
        if (kind === 1) acc.get = v as JSObject;
        else acc.set = v as JSObject;
        return;
      }
      obj.addProperty(name, new Accessor(kind === 1 ? (v as JSObject) : undefined, kind === 2 ? (v as JSObject) : undefined), Attr.Accessor);
      return;
    }
    if (i !== undefined) throw new GuestError('TypeError', `Cannot initialize ${name.description} twice on the same object`);
    obj.addProperty(name, v, kind === 3 ? 0 : Attr.Writable);
  }

  private defineMethodLike(obj: JSObject, key: PropertyKey, f: JSFunction, op: number, enumerable: boolean): void {
    const e = enumerable ? Attr.Enumerable : 0;
    if (f.code.name === '' && !(f.shape.index.has('name') && f.getSlot(f.shape.index.get('name')!) !== '')) {
      this.setFunctionName(f, key, op === Op.DefineGetter ? 'get' : op === Op.DefineSetter ? 'set' : '');
    }
    if (op === Op.DefineMethod) {
      obj.defineOwn(key, f, Attr.Writable | Attr.Configurable | e);
      return;
    }
    const i = obj.shape.index.get(key);
    let acc: Accessor;
    if (i !== undefined && obj.getSlot(i) instanceof Accessor) acc = obj.getSlot(i) as Accessor;
    else acc = new Accessor(undefined, undefined);
    if (op === Op.DefineGetter) acc.get = f;
    else acc.set = f;
    obj.defineOwn(key, acc, Attr.Accessor | Attr.Configurable | e);
  }

  setFunctionName(f: JSObject, key: PropertyKey, prefix: string): void {
    let name: string;
    if (key instanceof GSymbol) name = key.description === undefined ? '' : `[${key.description}]`;
    else if (key instanceof PrivateName) name = key.description;
    else name = String(key);
    if (prefix) name = prefix + ' ' + name;
    f.defineOwn('name', name, Attr.Configurable);
  }

  /** A new closure for `code` over `env`, with its prototype property when it has one. */
  makeClosure(code: FunctionCode, env: Env | null): JSFunction {
    const r = this.realm;
    const flags = code.flags;
    let proto: JSObject;
    if (flags & FnFlags.Async && flags & FnFlags.Generator) proto = r.AsyncGeneratorFunctionPrototype;
    else if (flags & FnFlags.Async) proto = r.AsyncFunctionPrototype;
    else if (flags & FnFlags.Generator) proto = r.GeneratorFunctionPrototype;
    else proto = r.FunctionPrototype;
    const f = new JSFunction(proto, code, env);
    this.charge(FUNCTION_BYTES);
    f.shape = r.functionShape(proto);
    // (a fresh object: its first two slot fields)
    f.s0 = code.length;
    f.s1 = code.name;
    f.slotCount = 2;
    if (flags & FnFlags.Generator) {
      const gp = flags & FnFlags.Async ? r.AsyncGeneratorPrototype : r.GeneratorPrototype;
      const p = new JSObject(gp, Cls.Object, r.rootShape(gp));
      f.addProperty('prototype', p, Attr.Writable);
    } else if (!(flags & (FnFlags.NoConstruct | FnFlags.Arrow | FnFlags.Async))) {
      const p = new JSObject(r.ObjectPrototype, Cls.Object, r.objectRootShape);
      p.addProperty('constructor', f, Attr.Hidden);
      f.addProperty('prototype', p, Attr.Writable);
      this.charge(OBJECT_BYTES);
    }
    return f;
  }

  private makeClass(code: FunctionCode, env: Env | null, hasParent: boolean, parent: Value): [JSFunction, JSObject] {
    const r = this.realm;
    let protoParent: JSObject | null = r.ObjectPrototype;
    let ctorParent: JSObject = r.FunctionPrototype;
    if (hasParent) {
      if (parent === null) {
        protoParent = null;
      } else {
        if (!isConstructor(parent)) throw new GuestError('TypeError', `Class extends value ${this.describe(parent)} is not a constructor or null`);
        const pp = this.get(parent, 'prototype');
        if (pp !== null && !(pp instanceof JSObject)) throw new GuestError('TypeError', `Class extends value does not have valid prototype property ${this.describe(pp)}`);
        protoParent = pp as JSObject | null;
        ctorParent = parent as JSObject;
      }
    }
    const proto = new JSObject(protoParent, Cls.Object, r.rootShape(protoParent));
    const ctor = new JSFunction(ctorParent, code, env);
    this.charge(160);
    ctor.shape = r.functionShape(ctorParent);
    ctor.pushSlot(code.length);
    ctor.pushSlot(code.name);
    ctor.addProperty('prototype', proto, 0);
    proto.addProperty('constructor', ctor, Attr.Hidden);
    ctor.home = proto;
    return [ctor, proto];
  }

  private templateObject(t: TemplateConst): JSArray {
    const cached = this.templateCache.get(t);
    if (cached) return cached;
    const raw = this.newArray(t.raw.slice());
    raw.writable = false;
    raw.extensible = false;
    const strings = this.newArray(t.cooked.slice());
    strings.defineOwn('raw', raw, 0);
    strings.writable = false;
    strings.extensible = false;
    this.templateCache.set(t, strings);
    return strings;
  }

  private instanceOf(v: Value, target: Value): boolean | typeof PUSHED {
    if (!(target instanceof JSObject)) throw new GuestError('TypeError', "Right-hand side of 'instanceof' is not an object");
    const h = this.lookup(target, WELL_KNOWN.hasInstance);
    if (h !== HOLE && h !== undefined && !(h instanceof NativeFunction && h.nativeId === this.realm.defaultHasInstanceId)) {
      this.sp -= 2; // the call replaces both operands
      const r = this.pushCall(this.realm.prelude.hasInstance, undefined, [h as Value, target, v], Cont.Normal);
      return r === PUSHED ? PUSHED : toBoolean(r as Value);
    }
    if (!isCallable(target)) throw new GuestError('TypeError', "Right-hand side of 'instanceof' is not callable");
    return this.ordinaryHasInstance(target, v);
  }

  ordinaryHasInstance(c: JSObject, v: Value): boolean {
    if (c instanceof NativeFunction && c.data instanceof BoundData) return this.ordinaryHasInstance(c.data.target, v);
    if (!(v instanceof JSObject)) return false;
    const p = this.get(c, 'prototype');
    if (!(p instanceof JSObject)) throw new GuestError('TypeError', "Function has non-object prototype 'undefined' in instanceof check");
    for (let o = v.proto; o !== null; o = o.proto) if (o === p) return true;
    return false;
  }

  /** Appends an iterable's values to an array without guest code, when possible. */
  private spreadFast(target: JSArray, src: Value): boolean {
    if (src instanceof JSArray && this.hasDefaultArrayIteration(src)) {
      for (const v of src.elements) target.elements.push(v === HOLE ? undefined : v);
      this.charge(src.elements.length * 8);
      return true;
    }
    if (typeof src === 'string' && this.realm.stringIteratorPristine()) {
      for (const ch of src) target.elements.push(ch);
      this.charge(src.length * 8);
      return true;
    }
    return false;
  }

  hasDefaultArrayIteration(a: JSArray): boolean {
    if (a.shape !== this.realm.arrayShape) {
      if (a.shape.index.has(WELL_KNOWN.iterator)) return false;
      if (a.proto !== this.realm.ArrayPrototype) return false;
    }
    return this.realm.arrayIteratorPristine();
  }

  private copyDataProperties(target: JSObject, src: Value, excluded: Value[] | null): Value | typeof PUSHED {
    if (src === null || src === undefined) return undefined;
    if (typeof src === 'string') {
      for (let i = 0; i < src.length; i++) if (!excluded || !excluded.includes(String(i))) this.defineData(target, String(i), src[i]);
      return undefined;
    }
    if (!(src instanceof JSObject)) return undefined;
    const keys = this.ownKeys(src, true);
    for (const k of keys) {
      if (excluded && excluded.some((x) => x === k)) continue;
      const d = this.ownSlot(src, k);
      if (d === HOLE) continue;
      if (d instanceof Accessor) {
        if (d.get instanceof JSFunction) {
          // guest getters: let the prelude copy
          const args: Value[] = [target, src, excluded ? this.newArray(excluded) : null];
          return this.pushCall(this.realm.prelude.copyDataProperties, undefined, args, Cont.Discard);
        }
      }
    }
    for (const k of keys) {
      if (excluded && excluded.some((x) => x === k)) continue;
      this.defineData(target, k, this.get(src, k));
    }
    return undefined;
  }

  /** An own property's slot (virtual properties included), or HOLE. */
  ownSlot(o: JSObject, key: PropertyKey): Slot | typeof HOLE {
    if (o instanceof JSArray || o instanceof JSPrimitiveObject) {
      const v = virtualGet(o, key);
      if (v !== HOLE) return v as Value;
    }
    const i = o.shape.index.get(key);
    return i === undefined ? HOLE : o.getSlot(i);
  }

  /** Attributes of an own property, or -1. */
  ownAttrs(o: JSObject, key: PropertyKey): number {
    if (o instanceof JSArray) {
      const idx = typeof key === 'string' ? arrayIndexOf(key) : -1;
      if (idx >= 0 && idx < o.elements.length && o.elements[idx] !== HOLE) return o.writable ? Attr.Default : Attr.Enumerable;
      if (key === 'length') return o.writable ? Attr.Writable : 0;
    } else if (o instanceof JSPrimitiveObject && o.cls === Cls.String) {
      const s = o.value as string;
      const idx = typeof key === 'string' ? arrayIndexOf(key) : -1;
      if (idx >= 0 && idx < s.length) return Attr.Enumerable;
      if (key === 'length') return 0;
    }
    const i = o.shape.index.get(key);
    return i === undefined ? -1 : o.shape.attrs[i];
  }

  /**
   * Own property keys in spec order: integer indices ascending, then strings in
   * insertion order, then symbols (when `symbols`). `enumerableOnly` filters.
   */
  ownKeys(o: JSObject, enumerableOnly: boolean, symbols = true, stringsToo = true): PropertyKey[] {
    const out: PropertyKey[] = [];
    // an array's or String object's `length` comes after every integer index (a String
    // object's own index properties past its characters included), as V8 lists it
    let virtualLength = false;
    if (!stringsToo) {
      // symbols only (getOwnPropertySymbols): no array indices, `length` or string indices
    } else if (o instanceof JSArray) {
      const el = o.elements;
      for (let i = 0; i < el.length; i++) if (el[i] !== HOLE) out.push(String(i));
      virtualLength = !enumerableOnly;
    } else if (o instanceof JSPrimitiveObject && o.cls === Cls.String) {
      const s = o.value as string;
      for (let i = 0; i < s.length; i++) out.push(String(i));
      virtualLength = !enumerableOnly;
    }
    const shape = o.shape;
    const keys = shape.keys;
    if (shape.hasIndexKeys && stringsToo) {
      const idx: number[] = [];
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (typeof k === 'string' && arrayIndexOf(k) >= 0 && (!enumerableOnly || shape.attrs[i] & Attr.Enumerable)) idx.push(+k);
      }
      idx.sort((a, b) => a - b);
      for (const n of idx) out.push(String(n));
    }
    if (virtualLength) out.push('length');
    if (stringsToo) {
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (typeof k !== 'string') continue;
        if (shape.hasIndexKeys && arrayIndexOf(k) >= 0) continue;
        if (enumerableOnly && !(shape.attrs[i] & Attr.Enumerable)) continue;
        out.push(k);
      }
    }
    if (symbols) {
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (!(k instanceof GSymbol)) continue;
        if (enumerableOnly && !(shape.attrs[i] & Attr.Enumerable)) continue;
        out.push(k);
      }
    }
    return out;
  }

  private forInIterator(obj: Value): Value {
    const keys: string[] = [];
    let target: JSObject | null = null;
    if (obj instanceof JSObject) {
      target = obj;
      const seen = new Set<string>();
      for (let o: JSObject | null = obj; o !== null; o = o.proto) {
        for (const k of this.ownKeys(o, false, false)) {
          const ks = k as string;
          if (seen.has(ks)) continue;
          seen.add(ks);
          const a = this.ownAttrs(o, ks);
          if (a >= 0 && a & Attr.Enumerable) keys.push(ks);
        }
      }
    } else if (typeof obj === 'string') {
      for (let i = 0; i < obj.length; i++) keys.push(String(i));
    }
    this.charge(32 + keys.length * 8);
    return new ForInState(keys, target) as unknown as Value;
  }

  // ---- iteration -------------------------------------------------------------------

  /** Pushes [iterator, next] for `obj` (GetIterator). Returns PUSHED when a guest @@iterator runs. */
  private getIterator(obj: Value): Value | typeof PUSHED {
    const stack = this.stack;
    if (obj instanceof JSArray && this.hasDefaultArrayIteration(obj)) {
      const it = new JSIterator(this.realm.ArrayIteratorPrototype, obj, IterKind.Values);
      this.charge(48);
      stack[this.sp++] = it;
      stack[this.sp++] = this.realm.arrayIterNext;
      return undefined;
    }
    if (obj === null || obj === undefined) throw new GuestError('TypeError', this.notIterable(obj));
    const m = obj instanceof JSObject ? this.lookup(obj, WELL_KNOWN.iterator) : this.lookup(this.protoOfPrimitive(obj), WELL_KNOWN.iterator);
    if (m === HOLE || m === undefined || m === null || m instanceof Accessor || !isCallable(m as Value)) {
      throw new GuestError('TypeError', this.notIterable(obj));
    }
    if (typeof obj === 'string' && this.realm.stringIteratorPristine()) {
      const it = new JSIterator(this.realm.StringIteratorPrototype, obj, IterKind.Values);
      this.charge(48);
      stack[this.sp++] = it;
      stack[this.sp++] = this.realm.stringIterNext;
      return undefined;
    }
    // let the prelude call @@iterator and fetch next (they may be guest code)
    return this.pushCall(this.realm.prelude.getIterator, undefined, [obj, m as Value], Cont.Unpack, null);
  }

  /** Pushes [iterator, next, isSync] for for-await. */
  private getAsyncIterator(obj: Value): Value | typeof PUSHED {
    if (obj === null || obj === undefined) throw new GuestError('TypeError', `Cannot read properties of ${obj} (reading 'Symbol(Symbol.asyncIterator)')`);
    const holder = obj instanceof JSObject ? obj : this.protoOfPrimitive(obj);
    const m = this.lookup(holder, WELL_KNOWN.asyncIterator);
    if (m !== HOLE && m !== undefined && m !== null) {
      if (!(m instanceof Accessor) && !isCallable(m as Value)) {
        // (a for-await names its subject, as when the method is missing)
        const inYieldStar = this.asyncDelegateMessage() !== null;
        throw new GuestError('TypeError', (inYieldStar ? null : this.forOfMessage()) ?? `${this.describeIterable(m as Value)} is not a function`);
      }
      return this.pushCall(this.realm.prelude.getIterator, undefined, [obj, m as Value, true], Cont.Unpack, 0);
    }
    const sm = this.lookup(holder, WELL_KNOWN.iterator);
    if (sm === HOLE || sm === undefined || sm === null) throw new GuestError('TypeError', this.asyncDelegateMessage() ?? this.forOfMessage() ?? `${this.describeIterable(obj)} is not async iterable`);
    return this.pushCall(this.realm.prelude.getIterator, undefined, [obj, sm as Value], Cont.Unpack, 1);
  }

  private iterNextSlow(it: Value, next: Value, doneTarget: number): Value | typeof PUSHED | typeof HOLE_DONE {
    if (it instanceof JSIterator && next instanceof NativeFunction && this.realm.isBuiltinIterNext(next)) {
      const r = this.realm.builtinIterStep(it);
      if (r === HOLE) return HOLE_DONE;
      return r as Value;
    }
    if (it instanceof JSGenerator && next === this.realm.generatorNext) {
      // resume the generator directly; its yields come back unpacked
      return this.resumeGenerator(it, undefined, 0, Cont.GenIterNext, doneTarget);
    }
    if (!isCallable(next) && this.frame!.fn === this.realm.prelude.spreadInto && this.frames.length > 1) {
      // (the spread's own wording, from the frame that spreads; the iterable is spreadInto's second argument)
      const m = this.spreadNextMessage(this.frames[this.frames.length - 2], this.stack[this.frame!.base + 1]);
      if (m !== null) throw new GuestError('TypeError', m);
    }
    // a native next() that completes at once has already pushed or jumped through its
    // continuation, so the loop reloads its state either way
    this.pushCall(next, it, [], Cont.IterNext, doneTarget);
    return PUSHED;
  }

  private iterClose(it: Value, quiet: boolean): Value | typeof PUSHED {
    if (it instanceof JSIterator) return undefined;
    if (!(it instanceof JSObject)) return undefined;
    let ret: Value;
    try {
      const s = this.lookup(it, 'return');
      if (s === HOLE || s === undefined || s === null) return undefined;
      if (s instanceof Accessor) return undefined;
      ret = s as Value;
    } catch (e) {
      if (quiet) return undefined;
      throw e;
    }
    if (!isCallable(ret)) {
      if (quiet) return undefined;
      throw new GuestError('TypeError', `${this.describe(ret)} is not a function`);
    }
    return this.pushCall(ret, it, [], quiet ? Cont.Quiet : Cont.CloseIter);
  }

  iterResult(value: Value, done: boolean): JSObject {
    const o = new JSObject(this.realm.ObjectPrototype, Cls.Object, this.realm.iterResultShape);
    // (a fresh object: its first two slot fields)
    o.s0 = value;
    o.s1 = done;
    o.slotCount = 2;
    this.charge(OBJECT_BYTES);
    return o;
  }

  // ---- generators --------------------------------------------------------------------

  /** Suspends a just-called generator before its body and returns the generator object. */
  private generatorStart(): void {
    const frame = this.frames.pop()!;
    const fn = frame.fn;
    const isAsync = (fn.code.flags & FnFlags.Async) !== 0;
    const protoV = this.get(fn, 'prototype');
    const proto = protoV instanceof JSObject ? protoV : isAsync ? this.realm.AsyncGeneratorPrototype : this.realm.GeneratorPrototype;
    const gen = new JSGenerator(proto, isAsync ? Cls.AsyncGenerator : Cls.Generator, this.realm.rootShape(proto));
    this.charge(96);
    gen.state = GenState.SuspendedStart;
    gen.frame = this.saveFrame(frame);
    this.sp = frame.retSlot;
    this.frame = this.frames.length ? this.frames[this.frames.length - 1] : null;
    this.completeFrame(frame, gen);
  }

  saveFrame(frame: Frame): SavedFrame {
    const values = this.stack.slice(frame.base, this.sp);
    this.charge(64 + values.length * 8);
    return new SavedFrame(frame.fn, frame.pc, values, frame.env, frame.thisValue, frame.newTarget, rebased(frame.tryStack, -frame.base), frame.tryEnvs.length === 0 ? NO_TRY_ENVS : frame.tryEnvs.slice());
  }

  /** Pushes a saved frame back; the resumed frame's stack starts at the current sp. */
  restoreFrame(saved: SavedFrame, cont: Cont, contData: Frame['contData']): Frame {
    if (this.frames.length >= this.limits.callDepth) throw new LimitError('callDepth', this.limits.callDepth, this.frames.length + 1);
    const retSlot = this.sp;
    const base = retSlot;
    const stack = this.stack;
    for (let i = 0; i < saved.values.length; i++) stack[base + i] = saved.values[i];
    this.sp = base + saved.values.length;
    const f = new Frame(saved.fn, saved.fn.code, base, retSlot, saved.env, saved.thisValue, saved.newTarget, cont, contData);
    f.pc = saved.pc;
    // (no try block: the frame keeps the shared empty stacks, as a call's frame does)
    if (saved.tryStack.length !== 0) {
      f.tryStack = rebased(saved.tryStack, base);
      f.tryEnvs = saved.tryEnvs.slice();
    }
    if (this.frames.push(f) > this.peakDepth) this.peakDepth = this.frames.length;
    this.frame = f;
    return f;
  }

  /**
   * generator.next/throw/return. mode 0 next, 1 throw, 2 return. With Cont.IterNext the
   * yielded value is pushed directly (for-of) and completion jumps to `doneTarget`.
   */
  resumeGenerator(gen: JSGenerator, v: Value, mode: number, cont: Cont = Cont.Generator, doneTarget = 0): Value | typeof PUSHED | typeof HOLE_DONE {
    if (gen.state === GenState.Running) throw new GuestError('TypeError', 'Generator is already running');
    if (gen.state === GenState.Completed) {
      if (mode === 1) throw new GuestThrow(v);
      if (cont === Cont.GenIterNext) return HOLE_DONE;
      return this.iterResult(mode === 2 ? v : undefined, true);
    }
    if (gen.state === GenState.SuspendedStart && mode !== 0) {
      gen.state = GenState.Completed;
      gen.frame = null;
      if (mode === 1) throw new GuestThrow(v);
      if (cont === Cont.GenIterNext) return HOLE_DONE;
      return this.iterResult(v, true);
    }
    const saved = gen.frame!;
    const wasStart = gen.state === GenState.SuspendedStart;
    gen.state = GenState.Running;
    gen.frame = null;
    const f = this.restoreFrame(saved, cont, cont === Cont.GenIterNext ? doneTarget : null);
    f.gen = gen;
    f.resumeMode = mode;
    if (!wasStart) this.stack[this.sp++] = v;
    return PUSHED;
  }

  private yieldValue(v: Value, raw: boolean): void {
    const frame = this.frames.pop()!;
    const gen = frame.gen!;
    if (frame.cont === Cont.AsyncGen) {
      gen.state = GenState.SuspendedYield;
      gen.frame = this.saveFrame(frame);
      this.sp = frame.retSlot;
      this.frame = this.frames.length ? this.frames[this.frames.length - 1] : null;
      const req = gen.queue.shift()!;
      this.resolvePromise(req[2], this.iterResult(v, false));
      if (frame.asyncFirst) this.asyncFirstDone(frame);
      if (gen.queue.length) this.asyncGenResumeNext(gen);
      return;
    }
    gen.state = GenState.SuspendedYield;
    gen.frame = this.saveFrame(frame);
    this.sp = frame.retSlot;
    this.frame = this.frames.length ? this.frames[this.frames.length - 1] : null;
    if (frame.cont === Cont.GenIterNext) {
      if (raw) {
        // yield* inside a for-of driven generator: unpack the inner result
        const res = v as JSObject;
        this.stack[this.sp++] = this.get(res, 'value');
      } else this.stack[this.sp++] = v;
      return;
    }
    this.stack[this.sp++] = raw ? v : this.iterResult(v, false);
  }

  // ---- async generators ----------------------------------------------------------------

  /** asyncGenerator.next/throw/return: queue a request; run the body if it is suspended. */
  asyncGenEnqueue(gen: JSGenerator, mode: number, v: Value): Value | typeof PUSHED {
    const p = this.newPromise();
    gen.queue.push([mode, v, p]);
    if (gen.state === GenState.Running || gen.state === GenState.AwaitingReturn) return p;
    return this.asyncGenResumeNext(gen, p);
  }

  /** Serves the head request: resumes the body, or settles it when the generator is done. */
  private asyncGenResumeNext(gen: JSGenerator, first: JSPromise | null = null): Value | typeof PUSHED {
    while (gen.queue.length) {
      const [mode, v, p] = gen.queue[0];
      if (gen.state === GenState.SuspendedStart && mode !== 0) {
        gen.state = GenState.Completed;
        gen.frame = null;
      }
      if (gen.state === GenState.Completed) {
        if (mode === 2) {
          // AsyncGeneratorAwaitReturn: the value is awaited (a job) before the request settles;
          // requests queued meanwhile wait for it
          gen.state = GenState.AwaitingReturn;
          this.resumeWhenSettled(gen, v);
          return first ?? undefined;
        }
        gen.queue.shift();
        if (mode === 1) this.rejectPromise(p, v);
        else this.resolvePromise(p, this.iterResult(undefined, true));
        continue;
      }
      const saved = gen.frame!;
      const wasStart = gen.state === GenState.SuspendedStart;
      gen.state = GenState.Running;
      gen.frame = null;
      const f = this.restoreFrame(saved, Cont.AsyncGen, first);
      f.gen = gen;
      f.resumeMode = mode;
      f.asyncFirst = first !== null;
      if (!wasStart) this.stack[this.sp++] = v;
      return first ? PUSHED : undefined;
    }
    return first ?? undefined;
  }

  /** The body completed (or threw): settle the head request and drain the rest. */
  private asyncGenFinish(frame: Frame, v: Value, threw: boolean): void {
    const gen = frame.gen!;
    gen.state = GenState.Completed;
    gen.frame = null;
    const req = gen.queue.shift();
    if (req) {
      if (threw) this.rejectPromise(req[2], v);
      else this.resolvePromise(req[2], this.iterResult(v, true));
    }
    if (frame.asyncFirst) this.asyncFirstDone(frame);
    this.asyncGenResumeNext(gen);
  }

  // ---- promises and async ------------------------------------------------------------

  newPromise(proto: JSObject = this.realm.PromisePrototype): JSPromise {
    const p = new JSPromise(proto, Cls.Promise, this.realm.rootShape(proto));
    this.charge(64);
    return p;
  }

  /** The resolve function's logic: adopt thenables through a job, fulfill otherwise. */
  resolvePromise(p: JSPromise, v: Value): void {
    if (p.state !== PromiseState.Pending) return;
    if (v === p) {
      this.rejectPromise(p, this.newError('TypeError', 'Chaining cycle detected for promise #<Promise>'));
      return;
    }
    if (!(v instanceof JSObject)) {
      this.settle(p, PromiseState.Fulfilled, v);
      return;
    }
    let then: Value | typeof HOLE;
    try {
      then = this.get(v, 'then');
    } catch (e) {
      this.rejectPromise(p, this.materialize(e));
      return;
    }
    if (!isCallable(then as Value)) {
      this.settle(p, PromiseState.Fulfilled, v);
      return;
    }
    // mark resolved: further resolve calls are ignored via the resolving functions' state
    this.enqueue({ kind: 1, promise: p, thenable: v, then: then as JSObject });
  }

  rejectPromise(p: JSPromise, reason: Value): void {
    if (p.state !== PromiseState.Pending) return;
    this.settle(p, PromiseState.Rejected, reason);
  }

  private rejectPromiseIfUnresolved(p: JSPromise, reason: Value): void {
    this.rejectPromise(p, reason);
  }

  private settle(p: JSPromise, state: PromiseState, v: Value): void {
    p.state = state;
    p.result = v;
    const reactions = p.reactions;
    p.reactions = [];
    for (const r of reactions) this.enqueue({ kind: 0, reaction: r, arg: v, rejected: state === PromiseState.Rejected });
  }

  /** PerformPromiseThen. */
  performThen(p: JSPromise, reaction: Reaction): void {
    if (p.state === PromiseState.Pending) p.reactions.push(reaction);
    else this.enqueue({ kind: 0, reaction, arg: p.result, rejected: p.state === PromiseState.Rejected });
    p.handled = true;
  }

  enqueue(job: Job): void {
    this.jobs.push(job);
  }

  /** `await v` in the current frame: suspend and resume from a job when v settles. */
  private await(v: Value): void {
    const frame = this.frames.pop()!;
    const gen = frame.gen;
    if (!gen) throw new Error('internal: await outside async frame');
    gen.frame = this.saveFrame(frame);
    // still running as far as next() is concerned: requests queue until it resumes
    gen.state = GenState.Running;
    this.sp = frame.retSlot;
    this.frame = this.frames.length ? this.frames[this.frames.length - 1] : null;
    if (frame.asyncFirst) this.asyncFirstDone(frame);
    this.resumeWhenSettled(gen, v);
  }

  /** Await's job: PromiseResolve(v), then a reaction that resumes `gen` (or completes its awaited return()). */
  private resumeWhenSettled(gen: JSGenerator, v: Value): void {
    let p: JSPromise;
    if (v instanceof JSPromise && v.proto === this.realm.PromisePrototype && this.promiseCtorPristine(v)) p = v;
    else {
      p = this.newPromise();
      this.resolvePromise(p, v);
    }
    this.performThen(p, new Reaction(null, undefined, undefined, gen));
  }

  private promiseCtorPristine(p: JSPromise): boolean {
    return !p.shape.index.has('constructor');
  }

  /** Starts the next job; returns false when the queue is empty. */
  runJob(): boolean {
    if (this.jobHead >= this.jobs.length) {
      if (this.jobHead > 0) {
        this.jobs = [];
        this.jobHead = 0;
      }
      return false;
    }
    const job = this.jobs[this.jobHead++];
    if (this.jobHead > 1024 && this.jobHead * 2 > this.jobs.length) {
      this.jobs = this.jobs.slice(this.jobHead);
      this.jobHead = 0;
    }
    this.sp = 0;
    // a root while it starts: what it holds may be reachable from nowhere else (a promise chain)
    this.runningJob = job;
    try {
      this.startJob(job);
    } catch (e) {
      if (!(e instanceof GuestThrow || e instanceof GuestError)) throw e;
      const value = this.materialize(e);
      this.unwind(value);
    } finally {
      this.runningJob = null;
    }
    return true;
  }

  /** The job {@link runJob} is starting (a root for the heap measurement). */
  runningJob: Job | null = null;

  private startJob(job: Job): void {
    if (job.kind === 0) {
      const r = job.reaction;
      if (r.resume) {
        const gen = r.resume;
        if (gen.state === GenState.AwaitingReturn) {
          // the awaited return() value settled: settle that request, then serve the rest
          gen.state = GenState.Completed;
          const [, , p] = gen.queue.shift()!;
          if (job.rejected) this.rejectPromise(p, job.arg);
          else this.resolvePromise(p, this.iterResult(job.arg, true));
          this.asyncGenResumeNext(gen);
          return;
        }
        const isGen = gen.cls === Cls.AsyncGenerator;
        const f = this.restoreFrame(gen.frame!, isGen ? Cont.AsyncGen : Cont.Async, null);
        gen.frame = null;
        gen.state = GenState.Running;
        f.gen = gen;
        f.asyncFirst = false;
        if (job.rejected) throw new GuestThrow(job.arg);
        this.stack[this.sp++] = job.arg;
        return;
      }
      const handler = job.rejected ? r.onRejected : r.onFulfilled;
      if (!isCallable(handler)) {
        if (r.capability) {
          if (job.rejected) this.rejectPromise(r.capability, job.arg);
          else this.resolvePromise(r.capability, job.arg);
        }
        return;
      }
      this.pushCallAbsorbing(handler, undefined, [job.arg], r.capability ? Cont.Reaction : Cont.Discard, r.capability);
      return;
    }
    if (job.kind === 1) {
      const [resolve, reject] = this.realm.createResolvingFunctions(job.promise);
      this.pushCallAbsorbing(job.then, job.thenable, [resolve, reject], Cont.Thenable, job.promise);
      return;
    }
    throw new Error('internal: unknown job');
  }

  // ---- descriptions for messages ---------------------------------------------------------

  typeOfValue(v: Value): string {
    return typeOf(v);
  }

  /** A value as V8 prints it inside messages (no guest code runs). */
  describe(v: Value): string {
    return noSideEffectsToString(this, v);
  }

  /** IteratorNext's TypeError for a result that is not an object, in V8's words. */
  notIterResult(v: Value): GuestError {
    return new GuestError('TypeError', `Iterator result ${this.describe(v)} is not an object`);
  }

  /** V8's message for a non-iterable `yield*` operand in an async generator (null elsewhere). */
  private asyncDelegateMessage(): string | null {
    const f = this.frame;
    if (!f || f.pc < 1 || f.code.flags & FnFlags.Builtin || f.code.code[f.pc - 1] !== Op.GetAsyncIterator) return null;
    const span = spanAt(f.code, f.pc - 1);
    return span ? asyncDelegateNotIterable(f.code.unit.source, span.start, span.end) : null;
  }

  /**
   * V8's whole message when the current instruction is a for-of's (or for-await's) GetIterator:
   * the subject printed by V8's CallPrinter rules (callprinter.ts); null elsewhere (spreads,
   * destructuring), where the callers word it.
   */
  private forOfMessage(): string | null {
    const f = this.frame;
    if (!f || f.pc < 1 || f.code.flags & FnFlags.Builtin) return null;
    const op = f.code.code[f.pc - 1];
    if (op !== Op.GetIterator && op !== Op.GetAsyncIterator) return null;
    const span = spanAt(f.code, f.pc - 1);
    // ('' is the typed wording, which only sync for-of uses)
    return (span && notIterableMessage(f.code.unit, f.code.unit.source, span.start, span.end)) || null;
  }

  /**
   * V8's message when a GetIterator's value is not iterable. The compiler chose the
   * instruction's span to say where the value came from: a for-of statement (its subject
   * printed), a declaration's initializer (printed when V8 finds it), a for-of declaration
   * (V8's internal `.for`), an array pattern (the value's type: assignments, parameters,
   * nested patterns), or a `yield*`.
   */
  private notIterable(obj: Value): string {
    const f = this.frame;
    const span = f && f.pc >= 1 && !(f.code.flags & FnFlags.Builtin) && f.code.code[f.pc - 1] === Op.GetIterator ? spanAt(f.code, f.pc - 1) : null;
    if (f && span) {
      const unit = f.code.unit;
      const source = unit.source;
      const head = source.slice(span.start, span.start + 12);
      if (/^for\b/.test(head)) {
        const m = notIterableMessage(unit, source, span.start, span.end);
        if (m === '') return notIterableTyped(typeText(obj));
        if (m) return m;
      } else if (head.startsWith('[')) {
        return notIterableTyped(typeText(obj));
      } else if (head.startsWith('{')) {
        // a property's array pattern, `{ x: [y] } = init` (or an object literal initializer)
        const owner = patternOwnerPrinted(source, span.start, span.end);
        if (owner !== null) return memberNotIterable(owner, obj);
        return initializerNotIterable(unit, source, span.start, span.end) ?? notIterableTyped(typeText(obj));
      } else if (/^catch\b/.test(head)) {
        return memberNotIterable('.catch', obj);
      } else if (/^(?:const|let|var)\s*\{/.test(head)) {
        return memberNotIterable('.for', obj);
      } else if (/^(?:const|let|var)\b/.test(head)) {
        return '.for is not iterable';
      } else if (/^yield\b/.test(head)) {
        return delegateNotIterable(source, span.start, span.end) ?? notIterableTyped(typeText(obj));
      } else {
        return initializerNotIterable(unit, source, span.start, span.end) ?? notIterableTyped(typeText(obj));
      }
    }
    // a self-hosted built-in has no call site to print: V8 gives the value's type
    if (f && f.code.flags & FnFlags.Builtin) return notIterableTyped(typeText(obj));
    const site = this.iterableSite();
    return `${site || (obj === null || obj === undefined ? String(obj) : this.describeIterable(obj))} is not iterable`;
  }

  /**
   * The iterated expression as written (`obj.a is not iterable`, as V8 says), when the current
   * instruction is a GetIterator: the span of the instruction just before it, which loaded it.
   */
  private iterableSite(): string {
    const f = this.frame;
    if (!f || f.pc < 2 || f.code.flags & FnFlags.Builtin || f.code.code[f.pc - 1] !== Op.GetIterator) return '';
    const span = spanAt(f.code, f.pc - 2);
    if (!span) return '';
    const text = f.code.unit.source.slice(span.start, span.end);
    return text.length <= 60 && !/[\n;]|=>|\bfunction\b|^(?:for|const|let|var)\b/.test(text) ? text : '';
  }

  /**
   * Throws V8's TypeError when a spread's value is not iterable (the prelude would say it without
   * the source text). The ArraySpread's span is `...x` in an array literal and `x` in arguments.
   */
  private checkSpreadable(v: Value): void {
    // self-hosted built-ins word their own errors
    if (!this.frame || this.frame.code.flags & FnFlags.Builtin) return;
    if (v !== null && v !== undefined) {
      const m = v instanceof JSObject ? this.lookup(v, WELL_KNOWN.iterator) : this.lookup(this.protoOfPrimitive(v), WELL_KNOWN.iterator);
      if (m instanceof Accessor || (m !== HOLE && isCallable(m as Value))) return;
    }
    const f = this.frame;
    const span = spanAt(f.code, f.pc - 1);
    const raw = span ? f.code.unit.source.slice(span.start, span.end) : '';
    const inArray = raw.startsWith('...');
    if (!inArray && v !== null && v !== undefined) throw new GuestError('TypeError', 'Spread syntax requires ...iterable[Symbol.iterator] to be a function');
    throw new GuestError('TypeError', this.spreadNotIterable(f, span, raw, v));
  }

  /**
   * V8's message when the iterator of the spread at `frame`'s ArraySpread has no callable
   * `next` (V8 checks it before the first step; the prelude's loop would only say "undefined is
   * not a function"): in an array literal the operand "is not iterable", as when it has no
   * @@iterator; as the single, last spread argument of a call, V8 names the callee ("f is not a
   * function"); null for any other spread (V8 then says what the prelude says).
   */
  private spreadNextMessage(frame: Frame, v: Value): string | null {
    const c = frame.code;
    if (c.flags & FnFlags.Builtin || frame.pc < 1 || c.code[frame.pc - 1] !== Op.ArraySpread) return null;
    const span = spanAt(c, frame.pc - 1);
    if (!span) return null;
    const source = c.unit.source;
    const raw = source.slice(span.start, span.end);
    if (raw.startsWith('...')) return this.spreadNotIterable(frame, span, raw, v);
    // the argument list's last spread: the call instruction comes right after it
    const op = c.code[frame.pc];
    if (op !== Op.CallSpread && op !== Op.NewSpread && op !== Op.SuperCallSpread) return null;
    const call = spanAt(c, frame.pc);
    if (!call) return null;
    // CallSpread's span is the callee (without grouping parentheses): its argument list runs
    // from the next `(` to the `)` after this argument; the others span the whole expression
    let count: number | null = null;
    if (op === Op.CallSpread) {
      const open = /^[\s)]*(?:\?\.)?\s*\(/.exec(source.slice(call.end, call.end + 40));
      const close = /^\s*,?\s*\)/.exec(source.slice(span.end, span.end + 40));
      if (open && close) count = spreadArgumentCount(`_(${source.slice(call.end + open[0].length, span.end + close[0].length)}`);
    } else count = spreadArgumentCount(source.slice(call.start, call.end));
    if (count !== 1) return null;
    if (op === Op.SuperCallSpread) return 'super is not a function';
    if (op === Op.NewSpread) return `${this.newCalleeText(frame, frame.pc + 1) || '(intermediate value)'} is not a function`;
    return this.notFunctionMessage(undefined, frame, frame.pc + 1);
  }

  /** "x is not iterable" for the spread operand `raw` at `span` (an array literal's `...x`, or a call argument). */
  private spreadNotIterable(f: Frame, span: { start: number; end: number } | undefined, raw: string, v: Value): string {
    const inArray = raw.startsWith('...');
    let text = inArray ? raw.slice(3).trim() : raw;
    // the operand's source span: a call prints as its callee whatever its arguments hold
    const start = span && text ? span.start + raw.indexOf(text, inArray ? 3 : 0) : -1;
    const end = start + text.length;
    const source = f.code.unit.source;
    const callee = start >= 0 ? spreadCallee(f.code.unit, source, start, end) : null;
    if (text.length > 60 || /[\n;]|=>|\bfunction\b/.test(text)) text = '';
    if (callee !== null) text = callee;
    // an array literal's operand as V8's CallPrinter writes it (`{(intermediate value)}` for an object literal)
    else if (inArray && text) text = printValue(f.code.unit, source, start, end) ?? text;
    // (V8: `[...f()]` names the function; `g(...f())` prints the call as `f(...)`)
    const what = callee !== null ? (inArray ? `${callee} is not a function or its return value` : `${callee}(...)`) : text || (v === null || v === undefined ? String(v) : this.describeIterable(v));
    return inArray || !text ? `${what} is not iterable` : `${what} is not iterable (cannot read property ${String(v)})`;
  }

  /** V8's message for destructuring null or undefined at the current ThrowIfNotObject. */
  private cannotDestructure(v: null | undefined, operand: unknown): string {
    const check = readDestructureCheck(operand);
    if (!check) return `Cannot destructure '${v}' as it is ${v}.`;
    let printed: string | null = null;
    const f = this.frame;
    if (check.site === 'value' && f && !(f.code.flags & FnFlags.Builtin)) {
      const span = spanAt(f.code, f.pc - 2);
      if (span) printed = printValue(f.code.unit, f.code.unit.source, span.start, span.end);
    }
    return cannotDestructure(check, v, printed);
  }

  private describeIterable(v: Value): string {
    if (v instanceof JSObject) return isCallable(v) ? fnName(v) : 'object';
    return `${typeOf(v)} ${this.describe(v)}`;
  }

  /** "x.y is not a function" for the call at `pc`, naming the callee as V8 does when it can. */
  notFunctionMessage(f: Value, frame: Frame, pc: number): string {
    const span = spanAt(frame.code, pc - 1);
    const printed = span ? printCallee(frame.code.unit, frame.code.unit.source, span.start, span.end, 'call') : null;
    if (printed !== null) return `${printed} is not a function`;
    // (not an expression on its own, e.g. `super(...)`: the source text, reworded)
    // the Call instruction's span is the callee; V8 writes a call inside it as `f(...)`
    // …and a private name as `[#x]` (V8's CallPrinter)
    let text = printedCallee(this.calleeText(frame, pc)).replace(/\([^()]*\)/g, '(...)').replace(/\.#([\w$]+)/g, '[#$1]');
    // …and a string literal in double quotes (`'s'()`, a template tag `` `s` `` )
    const literal = /^(['`])([^'"`\\$\n]*)\1$/.exec(text);
    if (literal) text = `"${literal[2]}"`;
    return text && !/^\(|(?<![.\w$])function\b|=>/.test(text) ? `${text} is not a function` : CALL_ERR(f);
  }

  /** The callee of the `new` at `pc` as V8 prints it: `new (o.a)(1)` → `o.a`, `new ('x')` → `"x"`. */
  newCalleeText(frame: Frame, pc: number): string {
    const span = spanAt(frame.code, pc - 1);
    const printed = span ? printCallee(frame.code.unit, frame.code.unit.source, span.start, span.end, 'new') : null;
    if (printed !== null) return printed;
    let t = this.calleeText(frame, pc).replace(/^new\b\s*/, ''); // also `new(x)`
    if (t.endsWith(')')) {
      // drop the argument list: the last balanced (...) group, unless it is the whole text
      let depth = 0;
      for (let i = t.length - 1; i > 0; i--) {
        if (t[i] === ')') depth++;
        else if (t[i] === '(' && --depth === 0) {
          t = t.slice(0, i).trimEnd();
          break;
        }
      }
    }
    while (/^\(.*\)$/.test(t)) t = t.slice(1, -1).trim();
    if (/^'[^'"\\]*'$/.test(t)) t = `"${t.slice(1, -1)}"`;
    if (/^new\b/.test(t)) return '(intermediate value)'; // `new new X()`: V8 does not print the inner new
    return t && !/\bfunction\b|=>|[()]/.test(t) ? t : '';
  }

  /** Source text of the callee of the call at `pc` (for "x.y is not a function"). */
  calleeText(frame: Frame, pc: number): string {
    const span = spanAt(frame.code, pc - 1);
    if (!span) return '';
    const text = frame.code.unit.source.slice(span.start, span.end);
    return text.length <= 60 && !text.includes('\n') ? text : '';
  }
}

/**
 * A callee's source text as V8's CallPrinter writes it: no whitespace around `.`, `?.` and
 * brackets outside string literals (`o . a` → `o.a`), string keys as names (`o['a']` → `o.a`),
 * no grouping parentheses around a plain member chain (`(o.a).b` → `o.a.b`).
 */
function printedCallee(text: string): string {
  // split into string literals (kept as they are) and code between them
  const parts = text.split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`)/);
  let out = parts.map((p, i) => (i % 2 ? p : p.replace(/\s*(\?\.|\.|\[|\])\s*/g, '$1'))).join('');
  out = out.replace(/\[(['"`])([^'"`\\$]*)\1\]/g, '.$2');
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/(^|[[(,])\(([\w$]+(?:\??\.[\w$]+|\[[^\]()]*\])*)\)/g, '$1$2');
  }
  return out;
}

export const HOLE_DONE = new Marker('done');

/** Changes an object's prototype; the object gets a fresh private shape so caches miss. */
export function setPrototype(obj: JSObject, proto: JSObject | null): void {
  obj.proto = proto;
  obj.shape = obj.shape.toDictionary();
}

function virtualGet(o: JSObject, key: PropertyKey): Value | typeof HOLE {
  if (o instanceof JSArray) {
    if (key === 'length') return o.elements.length;
    if (typeof key === 'string') {
      const idx = arrayIndexOf(key);
      if (idx >= 0) {
        const v = idx < o.elements.length ? o.elements[idx] : HOLE;
        return v as Value | typeof HOLE;
      }
    }
    return HOLE;
  }
  if (o instanceof JSPrimitiveObject && o.cls === Cls.String) {
    const s = o.value as string;
    if (key === 'length') return s.length;
    const idx = arrayIndexOf(key);
    if (idx >= 0 && idx < s.length) return s[idx];
  }
  return HOLE;
}

/** Whether `key` is a String object's own virtual property: `length` or an index below it. */
function stringOwnKey(s: string, key: PropertyKey): boolean {
  if (key === 'length') return true;
  const i = typeof key === 'string' ? arrayIndexOf(key) : -1;
  return i >= 0 && i < s.length;
}

export function keyText(k: PropertyKey): string {
  if (k instanceof GSymbol) return `Symbol(${k.description ?? ''})`;
  if (k instanceof PrivateName) return k.description;
  return k;
}

export function fnName(f: JSObject): string {
  const i = f.shape.index.get('name');
  const n = i === undefined ? undefined : f.getSlot(i);
  return typeof n === 'string' && n ? n : 'anonymous';
}

/**
 * V8's rendering of a derived class's prototype that is no constructor ("Super constructor null
 * of A …"; `extends null` leaves Function.prototype there, a function without a name: `null`).
 */
function superText(v: JSObject | null): string {
  if (v === null) return 'null';
  if (v instanceof JSArray) return '[object Array]';
  if (v.proto === null) return '[object Object]';
  if (isCallable(v)) return fnName(v) === 'anonymous' ? 'null' : fnName(v);
  return '#<Object>';
}

export function describeObject(o: JSObject): string {
  if (o instanceof JSArray) return '[object Array]';
  if (isCallable(o)) return `function ${fnName(o)}`;
  return '#<Object>';
}

export function isConstructor(v: Value): v is JSObject {
  if (v instanceof JSFunction) return !(v.code.flags & (FnFlags.NoConstruct | FnFlags.Arrow));
  if (v instanceof NativeFunction) return v.data instanceof BoundData ? isConstructor(v.data.target) : v.ctor;
  return false;
}

/** Live heap bytes reachable from the VM's roots (the mark phase). */
let markEpoch = 0;

export function measureLive(vm: VM): number {
  const epoch = ++markEpoch;
  const seen = new Set<object>();
  const work: object[] = [];
  let bytes = 0;
  const visitValue = (v: unknown): void => {
    if (typeof v === 'string') {
      bytes += 16 + v.length * 2;
      return;
    }
    if (typeof v === 'bigint') {
      bytes += 16 + (bigBits(v) >> 3);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (v instanceof JSObject || v instanceof Env) {
      if (v.markEpoch === epoch) return;
      v.markEpoch = epoch;
      work.push(v);
      return;
    }
    if (!seen.has(v)) {
      seen.add(v);
      work.push(v);
    }
  };
  for (let i = 0; i < vm.sp; i++) visitValue(vm.stack[i]);
  for (const f of vm.frames) {
    visitValue(f.fn);
    visitValue(f.env);
    visitValue(f.thisValue);
    visitValue(f.gen);
    visitValue(f.newTarget);
    // what the frame's result goes to (a derived promise, a generator…): a chain of promises
    // can hang off it and nothing else (a self-scheduling microtask chain)
    visitValue(f.contData);
    visitValue(f.outerData);
    for (const e of f.tryEnvs) visitValue(e);
  }
  if (vm.runningJob !== null) for (const k in vm.runningJob) visitValue((vm.runningJob as unknown as Record<string, unknown>)[k]);
  for (let i = vm.jobHead; i < vm.jobs.length; i++) {
    const j = vm.jobs[i];
    for (const k in j) visitValue((j as unknown as Record<string, unknown>)[k]);
  }
  for (const list of [vm.host.inflight, vm.host.queued, vm.host.answered]) {
    for (const c of list) {
      visitValue(c.args);
      visitValue(c.promise);
      visitValue(c.value);
    }
  }
  visitValue(vm.realm.globalObject);
  while (work.length) {
    const o = work.pop()!;
    if (o instanceof JSObject) {
      bytes += OBJECT_BYTES + o.slotCount * SLOT_BYTES;
      visitValue(o.proto);
      for (let i = 0, n = o.slotCount; i < n; i++) {
        const s = o.getSlot(i);
        if (s instanceof Accessor) {
          visitValue(s.get);
          visitValue(s.set);
        } else visitValue(s);
      }
      if (o instanceof JSArray) {
        bytes += ARRAY_BYTES - OBJECT_BYTES + o.elements.length * SLOT_BYTES;
        for (const e of o.elements) visitValue(e);
      } else if (o instanceof JSFunction) {
        bytes += FUNCTION_BYTES - OBJECT_BYTES;
        visitValue(o.env);
        visitValue(o.home);
        visitValue(o.fieldInit);
      } else if (o instanceof JSCollection) {
        bytes += COLLECTION_BYTES - OBJECT_BYTES + o.keys.length * ENTRY_BYTES;
        for (const k of o.keys) visitValue(k);
        for (const v of o.values) visitValue(v);
      } else if (o instanceof JSPromise) {
        visitValue(o.result);
        for (const r of o.reactions) visitValue(r);
      } else if (o instanceof JSGenerator) {
        visitValue(o.frame);
        visitValue(o.promise);
        for (const q of o.queue) {
          visitValue(q[1]);
          visitValue(q[2]);
        }
      } else if (o instanceof JSIterator) {
        visitValue(o.target);
      } else if (o instanceof JSPrimitiveObject) visitValue(o.value);
      else if (o instanceof NativeFunction) visitValue(o.data);
      else if (o instanceof JSRegExp) bytes += o.source.length * 2;
    } else if (o instanceof Env) {
      bytes += ENV_BYTES + o.vars.length * SLOT_BYTES;
      visitValue(o.parent);
      for (const v of o.vars) visitValue(v);
    } else if (o instanceof SavedFrame) {
      bytes += 64 + o.values.length * 8;
      visitValue(o.fn);
      visitValue(o.env);
      visitValue(o.thisValue);
      visitValue(o.newTarget);
      for (const e of o.tryEnvs) visitValue(e);
      for (const v of o.values) visitValue(v);
    } else if (o instanceof Reaction) {
      visitValue(o.capability);
      visitValue(o.onFulfilled);
      visitValue(o.onRejected);
      visitValue(o.resume);
    } else if (o instanceof BoundData) {
      visitValue(o.target);
      visitValue(o.boundThis);
      for (const a of o.args) visitValue(a);
    } else if (Array.isArray(o)) {
      for (const v of o) visitValue(v);
    } else {
      for (const k in o) visitValue((o as Record<string, unknown>)[k]);
    }
  }
  return bytes;
}

export type { LimitName };

/**
 * V8's message when `obj` has no private `name`: a method or accessor fails its class's brand
 * check ("Receiver must be an instance of class A", "Receiver must be class A" for a static
 * one; a null or undefined receiver reads the brand, named after the class); a field names
 * itself, as a property read or write of null/undefined, else as a private member.
 */
function privateMissMessage(obj: Value, name: PrivateName, write: boolean): string {
  const nullish = obj === null || obj === undefined;
  const cls = name.brandClass;
  if (cls !== null) {
    if (name.brandStatic) return `Receiver must be class ${cls}`;
    return nullish ? `Cannot read properties of ${obj} (reading '${cls}')` : `Receiver must be an instance of class ${cls}`;
  }
  if (nullish) return write ? `Cannot set properties of ${obj} (setting '${name.description}')` : `Cannot read properties of ${obj} (reading '${name.description}')`;
  return write
    ? `Cannot write private member ${name.description} to an object whose class did not declare it`
    : `Cannot read private member ${name.description} from an object whose class did not declare it`;
}
