/**
 * A realm: the global object and every intrinsic (prototypes, constructors, the
 * self-hosted prelude). Built-in modules in core/builtins install themselves through
 * the small definition API here (`fn`, `method`, `getter`, `ctor`, `value`).
 */
import { compileProgram } from '../compiler/compiler';
import { FnFlags, type CompiledProgram } from '../chunk';
import {
  rootShapeFor,
  Cls,
  Env,
  JSArray,
  JSFunction,
  JSIterator,
  JSObject,
  JSPrimitiveObject,
  JSPromise,
  JSRegExp,
  IterKind,
  NativeFunction,
  PromiseResolveData,
  type Slot,
} from '../objects';
import { parseProgram } from '../parse';
import { Attr, Shape, transitionShapesCreated } from '../shape';
import { GSymbol, HOLE, type PropertyKey, type Value } from '../value';
import { Cont } from './frame';
import { PUSHED, registerNative, type NativeImpl } from './natives';
import type { ErrorType } from './throw';
import { GuestError } from './throw';
import { VM } from './interpreter';
import { PRELUDE_MODULES } from '../prelude/index';

/** Prelude functions the interpreter calls directly. */
export interface PreludeHooks {
  binary: JSFunction;
  unary: JSFunction;
  spreadInto: JSFunction;
  copyDataProperties: JSFunction;
  getIterator: JSFunction;
  asyncFromSyncIterator: JSFunction;
  hasInstance: JSFunction;
  [name: string]: JSFunction;
}

let preludeProgram: CompiledProgram | null = null;

function preludeSource(): string {
  const body = PRELUDE_MODULES.map((m) => m.source).join('\n');
  const names = PRELUDE_MODULES.flatMap((m) => m.exports);
  return `(function ($) {\n${body}\nreturn { ${names.join(', ')} };\n})`;
}

/** The prelude compiled once per process; every realm instantiates it. */
export function compiledPrelude(): CompiledProgram {
  if (!preludeProgram) {
    const source = preludeSource();
    preludeProgram = compileProgram(parseProgram(source), source, { builtin: true });
  }
  return preludeProgram;
}

export type Installer = (r: Realm) => void;

const installers: Installer[] = [];

/** Built-in modules register here at import time; realms run them in order. */
export function registerInstaller(i: Installer): void {
  installers.push(i);
}

const finishers: Installer[] = [];

/**
 * Like {@link registerInstaller}, for work that needs every built-in in place, self-hosted
 * methods included (they are installed once the prelude is compiled, after the installers).
 */
export function registerFinisher(f: Installer): void {
  finishers.push(f);
}

/**
 * What every realm of the process shares, built once by {@link realmTemplate} with a
 * throwaway VM: the frozen intrinsics, the prelude's closures and scope, and the
 * built-in bindings a fresh global object starts with. Guests cannot mutate any of it
 * (it is frozen; `$` and the prelude are unreachable), so VMs share it safely.
 */
export class RealmTemplate {
  /**
   * Every shared heap object (intrinsics, `$` and its natives, prelude closures and
   * their prototypes) in a stable order: a depth-first walk from the global bindings
   * in definition order, then the named intrinsics no global reaches (generator and
   * iterator prototypes, …), then `$`, then the prelude hooks by export order. The same
   * build of core gives the same list, so an index is a stable name of an intrinsic.
   * The template's own global object is not in it (each VM has its own global).
   * All of them are frozen and in `realm.intrinsics`.
   */
  readonly objects: readonly JSObject[];
  /** Shared environments (the prelude's scope), in walk order. */
  readonly envs: readonly Env[];
  /** Shape of a fresh global object: the built-in bindings, read-only; not a dictionary. */
  readonly globalShape: Shape;
  /** Slots of a fresh global object; `globalSelfSlot` is replaced by the global itself. */
  readonly globalSlots: readonly Slot[];
  readonly globalSelfSlot: number;
  private index: Map<object, number> | null = null;
  /** Shapes that existed when the template was built (never pruned). */
  private readonly pinned: Set<Shape>;
  /** {@link transitionShapesCreated} at the last prune. */
  private prunedAt: number;

  constructor(
    /** The realm the template was built as (its `vm` is the discarded builder VM). */
    readonly realm: Realm,
  ) {
    const { objects, envs } = walkShared(realm);
    this.objects = objects;
    this.envs = envs;
    const g = realm.globalObject;
    const gs = g.shape;
    const shape = new Shape(gs.keys.slice(), gs.attrs.slice(), new Map(gs.index), false);
    for (let i = 0; i < gs.keys.length; i++) shape.noteKey(gs.keys[i], gs.attrs[i]);
    this.globalShape = shape;
    this.globalSlots = g.slotValues();
    this.globalSelfSlot = gs.index.get('globalThis') ?? -1;
    this.pinned = new Set();
    for (const root of this.sharedRoots()) root.collectTransitions(this.pinned);
    this.prunedAt = transitionShapesCreated();
  }

  /**
   * Root shapes every VM shares: those of the intrinsics used as prototypes (by the
   * template or, later, by any guest: `Object.create(Math)`), of null-prototype objects,
   * and of fresh global objects.
   */
  private sharedRoots(): Shape[] {
    const roots = [Shape.root, rootShapeFor(null), this.globalShape];
    for (const o of this.objects) if (o.protoShape !== null) roots.push(o.protoShape);
    return roots;
  }

  /**
   * Forgets the transitions programs added to the shared shape trees (property names of
   * guest objects). Called when a VM is created once enough new shapes have accumulated,
   * so a long-lived host does not keep every property name every program ever used.
   * Live objects keep their shapes; only sharing (inline-cache hits) across VMs is lost.
   */
  pruneShapes(): void {
    for (const root of this.sharedRoots()) root.pruneTransitions(this.pinned);
    this.prunedAt = transitionShapesCreated();
  }

  /** Prunes the shared shape trees when programs have added many shapes since the last prune. */
  maybePruneShapes(): void {
    if (transitionShapesCreated() - this.prunedAt > PRUNE_AFTER_SHAPES) this.pruneShapes();
  }

  /** Position of a shared object or environment in {@link objects} / {@link envs}; -1 when not shared. */
  indexOf(o: JSObject | Env): number {
    let m = this.index;
    if (m === null) {
      m = new Map();
      for (let i = 0; i < this.objects.length; i++) m.set(this.objects[i], i);
      for (let i = 0; i < this.envs.length; i++) m.set(this.envs[i], i);
      this.index = m;
    }
    return m.get(o) ?? -1;
  }

  /** True for an object every VM of the process shares (an intrinsic). */
  isShared(o: JSObject | Env): boolean {
    return this.indexOf(o) >= 0;
  }
}

let template: RealmTemplate | null = null;

/** New transition shapes (process-wide) after which VM creation prunes the shared trees. */
const PRUNE_AFTER_SHAPES = 20_000;

/** The process-wide realm template, built on first use (by the first VM's realm). */
export function realmTemplate(): RealmTemplate {
  if (template === null) {
    const builder = new Realm(new VM(), BUILD);
    template = new RealmTemplate(builder);
    (builder as { template: RealmTemplate }).template = template;
    checkFacade(builder);
  }
  return template;
}

/** Marks the one realm construction that builds the intrinsics (the template). */
const BUILD: unique symbol = Symbol('build');

/** Realm fields that hold per-VM state; every other field is shared with the template. */
const PER_VM_FIELDS = new Set(['vm', 'globalObject', 'template', 'symbolRegistry', 'regexSteps', 'regexCompiled']);
/** Template-only fields (definition-time state a VM's realm never uses). */
const BUILD_ONLY_FIELDS = new Set(['preludeInstalls']);

/**
 * A realm: one VM's view of the intrinsics. The intrinsics and the prelude are built
 * once per process (the {@link RealmTemplate}); a VM's realm shares them and owns only
 * its global object (the built-in bindings, read-only, then inputs and capabilities)
 * and its mutable per-run state: the `Symbol.for` registry and regex step accounting.
 * Field names are the same as when every VM built its own realm, so the rest of core
 * reads `vm.realm.X` unchanged. Built-in modules install themselves into the template
 * through the definition API here (`fn`, `method`, `getter`, `ctor`, `value`).
 */
export class Realm {
  readonly ObjectPrototype!: JSObject;
  readonly FunctionPrototype!: JSObject;
  readonly ArrayPrototype!: JSObject;
  readonly StringPrototype!: JSObject;
  readonly NumberPrototype!: JSObject;
  readonly BooleanPrototype!: JSObject;
  readonly SymbolPrototype!: JSObject;
  readonly BigIntPrototype!: JSObject;
  readonly IteratorPrototype!: JSObject;
  readonly ArrayIteratorPrototype!: JSObject;
  readonly StringIteratorPrototype!: JSObject;
  readonly MapIteratorPrototype!: JSObject;
  readonly SetIteratorPrototype!: JSObject;
  readonly RegExpStringIteratorPrototype!: JSObject;
  readonly GeneratorPrototype!: JSObject;
  readonly GeneratorFunctionPrototype!: JSObject;
  readonly AsyncFunctionPrototype!: JSObject;
  readonly AsyncIteratorPrototype!: JSObject;
  readonly AsyncGeneratorPrototype!: JSObject;
  readonly AsyncGeneratorFunctionPrototype!: JSObject;
  readonly PromisePrototype!: JSObject;
  readonly MapPrototype!: JSObject;
  readonly SetPrototype!: JSObject;
  readonly RegExpPrototype!: JSObject;
  readonly DatePrototype!: JSObject;
  readonly ErrorPrototype!: JSObject;
  readonly errorProtos!: Record<ErrorType | 'AggregateError', JSObject>;
  /** This VM's global object (per VM). */
  readonly globalObject!: JSObject;
  /** Intrinsics the prelude reads through its `$` parameter. */
  readonly internals!: JSObject;
  readonly objectRootShape!: Shape;
  readonly arrayShape!: Shape;
  readonly iterResultShape!: Shape;
  prelude!: PreludeHooks;
  /** Constructors by global name, for modules that need another's (e.g. Promise). */
  readonly ctors!: Map<string, NativeFunction>;
  arrayIterNext!: NativeFunction;
  stringIterNext!: NativeFunction;
  generatorNext!: NativeFunction;
  readonly builtinIterNexts!: Set<NativeFunction>;
  /** Natives whose result depends on converting elements that may be guest objects. */
  readonly guestDependentNatives!: Set<number>;
  defaultHasInstanceId!: number;
  private readonly names!: Map<JSObject, string>;
  /** Function shapes of the intrinsic function prototypes (others follow transitions). */
  private readonly functionShapes!: Map<JSObject, Shape>;
  /** Compiles regex sources (installed by the RegExp module). */
  regexpFactory!: ((vm: VM, source: string, flags: string) => JSRegExp) | null;
  readonly resolveFnId!: number;
  /** Frozen built-in objects (their read-only properties may be shadowed on instances). */
  readonly intrinsics!: Set<JSObject>;
  /**
   * The properties of intrinsics that are read-only in the specification (a function's `name`
   * and `length`, `Math.PI`): unlike the ones frozen only by Capsule, assigning them through an
   * instance throws, as in V8.
   */
  readonly specReadOnly!: Map<JSObject, Set<PropertyKey>>;
  /** The process-wide template whose intrinsics this realm shares (null while building it). */
  readonly template!: RealmTemplate;
  /** This VM's `Symbol.for` registry (created on first use). */
  symbolRegistry!: Map<string, GSymbol> | null;
  readonly vm: VM;
  private preludeInstalls?: [JSObject, PropertyKey, string][];

  constructor(vm: VM, mode?: typeof BUILD) {
    this.vm = vm;
    vm.realm = this;
    if (mode !== BUILD) {
      const tp = realmTemplate();
      tp.maybePruneShapes();
      const t = tp.realm;
      this.ObjectPrototype = t.ObjectPrototype;
      this.FunctionPrototype = t.FunctionPrototype;
      this.ArrayPrototype = t.ArrayPrototype;
      this.StringPrototype = t.StringPrototype;
      this.NumberPrototype = t.NumberPrototype;
      this.BooleanPrototype = t.BooleanPrototype;
      this.SymbolPrototype = t.SymbolPrototype;
      this.BigIntPrototype = t.BigIntPrototype;
      this.IteratorPrototype = t.IteratorPrototype;
      this.ArrayIteratorPrototype = t.ArrayIteratorPrototype;
      this.StringIteratorPrototype = t.StringIteratorPrototype;
      this.MapIteratorPrototype = t.MapIteratorPrototype;
      this.SetIteratorPrototype = t.SetIteratorPrototype;
      this.RegExpStringIteratorPrototype = t.RegExpStringIteratorPrototype;
      this.GeneratorPrototype = t.GeneratorPrototype;
      this.GeneratorFunctionPrototype = t.GeneratorFunctionPrototype;
      this.AsyncFunctionPrototype = t.AsyncFunctionPrototype;
      this.AsyncIteratorPrototype = t.AsyncIteratorPrototype;
      this.AsyncGeneratorPrototype = t.AsyncGeneratorPrototype;
      this.AsyncGeneratorFunctionPrototype = t.AsyncGeneratorFunctionPrototype;
      this.PromisePrototype = t.PromisePrototype;
      this.MapPrototype = t.MapPrototype;
      this.SetPrototype = t.SetPrototype;
      this.RegExpPrototype = t.RegExpPrototype;
      this.DatePrototype = t.DatePrototype;
      this.ErrorPrototype = t.ErrorPrototype;
      this.errorProtos = t.errorProtos;
      // the global object: the built-in bindings (read-only), on an immutable shared shape
      const g = new JSObject(t.ObjectPrototype, Cls.Object, tp.globalShape);
      g.setSlotValues(tp.globalSlots);
      if (tp.globalSelfSlot >= 0) g.setSlot(tp.globalSelfSlot, g);
      this.globalObject = g;
      this.internals = t.internals;
      this.objectRootShape = t.objectRootShape;
      this.arrayShape = t.arrayShape;
      this.iterResultShape = t.iterResultShape;
      this.prelude = t.prelude;
      this.ctors = t.ctors;
      this.arrayIterNext = t.arrayIterNext;
      this.stringIterNext = t.stringIterNext;
      this.generatorNext = t.generatorNext;
      this.builtinIterNexts = t.builtinIterNexts;
      this.guestDependentNatives = t.guestDependentNatives;
      this.defaultHasInstanceId = t.defaultHasInstanceId;
      this.names = t.names;
      this.functionShapes = t.functionShapes;
      this.regexpFactory = t.regexpFactory;
      this.resolveFnId = t.resolveFnId;
      this.intrinsics = t.intrinsics;
      this.specReadOnly = t.specReadOnly;
      this.template = tp;
      this.symbolRegistry = null;
      this.collectionStep = t.collectionStep;
      this.arrayLikeStep = t.arrayLikeStep;
      this.jsonStringify = t.jsonStringify;
      this.regexSteps = 0;
      this.regexCompiled = undefined;
      return;
    }

    // ---- building the template (once per process) ----
    this.ctors = new Map();
    this.builtinIterNexts = new Set();
    this.guestDependentNatives = new Set();
    this.defaultHasInstanceId = -1;
    this.names = new Map();
    this.functionShapes = new Map();
    this.regexpFactory = null;
    this.resolveFnId = RESOLVE_FN_ID;
    this.intrinsics = new Set();
    this.specReadOnly = new Map();
    this.template = null as unknown as RealmTemplate;
    this.symbolRegistry = null;
    this.preludeInstalls = [];
    const proto = (p: JSObject | null, name: string, cls: Cls = Cls.Object): JSObject => {
      const o = new JSObject(p, cls, this.rootShape(p));
      this.names.set(o, name);
      return o;
    };
    this.ObjectPrototype = new JSObject(null, Cls.Object, this.rootShape(null));
    this.names.set(this.ObjectPrototype, 'Object.prototype');
    this.objectRootShape = this.rootShape(this.ObjectPrototype);
    // Function.prototype is itself a function (typeof 'function'; calling it returns undefined)
    this.FunctionPrototype = new NativeFunction(this.ObjectPrototype, FUNCTION_PROTOTYPE_ID, null, false);
    this.FunctionPrototype.shape = this.rootShape(this.ObjectPrototype);
    this.names.set(this.FunctionPrototype, 'Function.prototype');
    // Array.prototype is an array in V8 (Object.prototype.toString says so); its elements stay empty
    this.ArrayPrototype = proto(this.ObjectPrototype, 'Array.prototype', Cls.Array);
    this.arrayShape = this.rootShape(this.ArrayPrototype);
    // String.prototype, Number.prototype and Boolean.prototype are wrapper objects of '', +0 and
    // false (V8 and the spec): their methods work on them, JSON writes them as those values
    const boxed = (name: string, cls: Cls, value: string | number | boolean): JSObject => {
      const o = new JSPrimitiveObject(this.ObjectPrototype, cls, value);
      o.shape = this.rootShape(this.ObjectPrototype);
      this.names.set(o, name);
      return o;
    };
    this.StringPrototype = boxed('String.prototype', Cls.String, '');
    this.NumberPrototype = boxed('Number.prototype', Cls.Number, 0);
    this.BooleanPrototype = boxed('Boolean.prototype', Cls.Boolean, false);
    this.SymbolPrototype = proto(this.ObjectPrototype, 'Symbol.prototype');
    this.BigIntPrototype = proto(this.ObjectPrototype, 'BigInt.prototype');
    this.IteratorPrototype = proto(this.ObjectPrototype, 'Iterator.prototype');
    this.AsyncIteratorPrototype = proto(this.ObjectPrototype, 'AsyncIterator.prototype');
    this.ArrayIteratorPrototype = proto(this.IteratorPrototype, 'ArrayIterator.prototype');
    this.StringIteratorPrototype = proto(this.IteratorPrototype, 'StringIterator.prototype');
    this.MapIteratorPrototype = proto(this.IteratorPrototype, 'MapIterator.prototype');
    this.SetIteratorPrototype = proto(this.IteratorPrototype, 'SetIterator.prototype');
    this.RegExpStringIteratorPrototype = proto(this.IteratorPrototype, 'RegExpStringIterator.prototype');
    this.GeneratorPrototype = proto(this.IteratorPrototype, 'Generator.prototype');
    this.GeneratorFunctionPrototype = proto(this.FunctionPrototype, 'GeneratorFunction.prototype');
    this.AsyncGeneratorPrototype = proto(this.AsyncIteratorPrototype, 'AsyncGenerator.prototype');
    this.AsyncGeneratorFunctionPrototype = proto(this.FunctionPrototype, 'AsyncGeneratorFunction.prototype');
    this.AsyncFunctionPrototype = proto(this.FunctionPrototype, 'AsyncFunction.prototype');
    for (const fp of [this.FunctionPrototype, this.GeneratorFunctionPrototype, this.AsyncGeneratorFunctionPrototype, this.AsyncFunctionPrototype]) {
      this.functionShapes.set(fp, this.rootShape(fp).add('length', Attr.Configurable).add('name', Attr.Configurable));
    }
    this.PromisePrototype = proto(this.ObjectPrototype, 'Promise.prototype');
    this.MapPrototype = proto(this.ObjectPrototype, 'Map.prototype');
    this.SetPrototype = proto(this.ObjectPrototype, 'Set.prototype');
    this.RegExpPrototype = proto(this.ObjectPrototype, 'RegExp.prototype');
    this.DatePrototype = proto(this.ObjectPrototype, 'Date.prototype');
    this.ErrorPrototype = proto(this.ObjectPrototype, 'Error.prototype');
    const ep = (n: string) => proto(this.ErrorPrototype, `${n}.prototype`);
    this.errorProtos = {
      Error: this.ErrorPrototype,
      TypeError: ep('TypeError'),
      RangeError: ep('RangeError'),
      SyntaxError: ep('SyntaxError'),
      ReferenceError: ep('ReferenceError'),
      EvalError: ep('EvalError'),
      URIError: ep('URIError'),
      AggregateError: ep('AggregateError'),
    };
    this.globalObject = proto(this.ObjectPrototype, 'globalThis');
    this.internals = new JSObject(null, Cls.Object, this.rootShape(null));
    this.names.set(this.internals, '$');
    const ir = this.rootShape(this.ObjectPrototype);
    this.iterResultShape = ir.add('value', Attr.Default).add('done', Attr.Default);
    this.value(this.globalObject, 'globalThis', this.globalObject, Attr.Hidden);
    this.regexSteps = 0;

    for (const install of installers) install(this);
    this.instantiatePrelude();
    for (const finish of finishers) finish(this);
    this.freezeIntrinsics();
  }

  // ---- shapes ---------------------------------------------------------------------

  /** The root shape of objects whose prototype is `proto` (shape identity implies proto). */
  rootShape(proto: JSObject | null): Shape {
    return rootShapeFor(proto);
  }

  /** Shape of a fresh function: `length` then `name`, both configurable only. */
  functionShape(proto: JSObject): Shape {
    const s = this.functionShapes.get(proto);
    if (s !== undefined) return s;
    // a guest prototype (class extends): the shared transitions give the same shape every time
    return this.rootShape(proto).add('length', Attr.Configurable).add('name', Attr.Configurable);
  }

  // ---- definition API ---------------------------------------------------------------

  /** Qualified name of an intrinsic (for stable native ids). */
  nameOf(o: JSObject): string {
    return this.names.get(o) ?? '?';
  }

  setName(o: JSObject, name: string): void {
    this.names.set(o, name);
  }

  /** A native function object. `id` must be unique and stable across versions of a snapshot. */
  fn(id: string, name: string, length: number, impl: NativeImpl, ctor = false): NativeFunction {
    const nid = registerNative(id, impl);
    const f = new NativeFunction(this.FunctionPrototype, nid, null, ctor);
    f.shape = this.functionShape(this.FunctionPrototype);
    f.pushSlot(length);
    f.pushSlot(name);
    this.names.set(f, id);
    return f;
  }

  /** Defines a built-in method (writable, configurable, not enumerable). */
  method(target: JSObject, name: string | GSymbol, length: number, impl: NativeImpl): NativeFunction {
    const display = typeof name === 'string' ? name : `[${name.description}]`;
    const key = typeof name === 'string' ? name : `@@${name.key}`;
    const f = this.fn(`${this.nameOf(target)}.${key}`, display, length, impl);
    target.defineOwn(name, f, Attr.Hidden);
    return f;
  }

  /** Defines a built-in accessor with a native getter. */
  getter(target: JSObject, name: string | GSymbol, impl: NativeImpl, setter?: NativeImpl): NativeFunction {
    const display = typeof name === 'string' ? name : `[${name.description}]`;
    const key = typeof name === 'string' ? name : `@@${name.key}`;
    const g = this.fn(`${this.nameOf(target)}.get ${key}`, `get ${display}`, 0, impl);
    const s = setter ? this.fn(`${this.nameOf(target)}.set ${key}`, `set ${display}`, 1, setter) : undefined;
    target.defineOwn(name, new AccessorPair(g, s), Attr.Accessor | Attr.Configurable);
    return g;
  }

  /** Defines a data property. */
  value(target: JSObject, key: PropertyKey, v: Value, attrs: number = Attr.Hidden): void {
    target.defineOwn(key, v, attrs);
  }

  /**
   * Defines a global constructor with its prototype object and links them.
   * `proto` may be an existing intrinsic prototype.
   */
  ctor(name: string, length: number, impl: NativeImpl, proto: JSObject | null): NativeFunction {
    const c = this.fn(name, name, length, impl, true);
    if (proto) {
      c.defineOwn('prototype', proto, 0);
      proto.defineOwn('constructor', c, Attr.Hidden);
      this.names.set(proto, `${name}.prototype`);
    }
    this.globalObject.defineOwn(name, c, Attr.Hidden);
    this.ctors.set(name, c);
    return c;
  }

  /** A namespace object on the global (Math, JSON, console). */
  namespace(name: string, tag?: string): JSObject {
    const o = new JSObject(this.ObjectPrototype, Cls.Object, this.objectRootShape);
    this.names.set(o, name);
    if (tag) o.defineOwn(WELL_KNOWN_TAG, tag, Attr.Configurable);
    this.globalObject.defineOwn(name, o, Attr.Hidden);
    return o;
  }

  /** Defines a function only the prelude can reach (through `$`). */
  internal(name: string, length: number, impl: NativeImpl): NativeFunction {
    const f = this.fn(`$.${name}`, name, length, impl);
    this.internals.defineOwn(name, f, Attr.Hidden);
    return f;
  }

  // ---- helpers used by the interpreter ------------------------------------------------

  newRegExp(source: string, flags: string): JSRegExp {
    if (!this.regexpFactory) throw new GuestError('SyntaxError', 'regular expressions are not available');
    return this.regexpFactory(this.vm, source, flags);
  }

  /** The resolve/reject pair of a promise. */
  createResolvingFunctions(p: JSPromise): [NativeFunction, NativeFunction] {
    const state = { resolved: false };
    const resolve = new NativeFunction(this.FunctionPrototype, this.resolveFnId, new PromiseResolveData(p, state, false), false);
    resolve.shape = this.functionShape(this.FunctionPrototype);
    resolve.pushSlot(1);
    resolve.pushSlot('');
    const reject = new NativeFunction(this.FunctionPrototype, this.resolveFnId, new PromiseResolveData(p, state, true), false);
    reject.shape = this.functionShape(this.FunctionPrototype);
    reject.pushSlot(1);
    reject.pushSlot('');
    this.vm.charge(160);
    return [resolve, reject];
  }

  isBuiltinIterNext(f: NativeFunction): boolean {
    return this.builtinIterNexts.has(f);
  }

  /** One step of a built-in iterator: the value, or HOLE when done. */
  builtinIterStep(it: JSIterator): Value | typeof HOLE {
    return builtinIterStepImpl(this, it);
  }

  arrayIteratorPristine(): boolean {
    return true; // intrinsics are frozen
  }

  stringIteratorPristine(): boolean {
    return true;
  }

  // ---- prelude ----------------------------------------------------------------------------

  private instantiatePrelude(): void {
    const program = compiledPrelude();
    const vm = this.vm;
    const main = program.main;
    const f = vm.makeClosure(main, null);
    const wrapper = vm.callHost(f, undefined, []);
    const exportsObj = vm.callHost(wrapper as JSObject, undefined, [this.internals]) as JSObject;
    const hooks: Record<string, JSFunction> = {};
    for (let i = 0; i < exportsObj.shape.keys.length; i++) {
      const k = exportsObj.shape.keys[i] as string;
      const fn = exportsObj.getSlot(i) as JSFunction;
      hooks[k] = fn;
    }
    this.prelude = hooks as PreludeHooks;
    for (const [target, name, fnName] of this.preludeInstalls!) {
      const fn = hooks[fnName];
      if (!fn) throw new Error(`prelude function ${fnName} missing`);
      target.defineOwn(name, fn, Attr.Hidden);
      this.vm.setFunctionName(fn, name, '');
      // a built-in method, as in V8: not a constructor, no `prototype` (`new [].map(f)` throws)
      fn.code.flags |= FnFlags.NoConstruct;
      const at = fn.shape.index.get('prototype');
      if (at !== undefined) {
        const shape = fn.shape.toDictionary();
        shape.attrs[at] |= Attr.Configurable;
        fn.shape = shape;
        fn.deleteOwn('prototype');
      }
    }
  }

  /** Installs a prelude function as a built-in method once the prelude is compiled. */
  selfHosted(target: JSObject, name: PropertyKey, preludeName: string): void {
    this.preludeInstalls!.push([target, name, preludeName]);
  }

  /**
   * Freezes every shared object: the built-ins reachable from the global, `$` and its
   * natives, the prelude's closures. Guests cannot mutate them, so VMs share them.
   */
  private freezeIntrinsics(): void {
    for (const o of walkShared(this).objects) {
      this.intrinsics.add(o);
      const s = o.shape.toDictionary();
      for (let i = 0; i < s.attrs.length; i++) {
        if (!(s.attrs[i] & (Attr.Writable | Attr.Accessor))) {
          let keys = this.specReadOnly.get(o);
          if (!keys) this.specReadOnly.set(o, (keys = new Set()));
          keys.add(s.keys[i]);
        }
        s.attrs[i] &= ~(Attr.Writable | Attr.Configurable);
        if (s.attrs[i] & Attr.Accessor) s.attrs[i] &= ~Attr.Writable;
      }
      o.shape = s;
      o.extensible = false;
      if (o instanceof JSArray) o.writable = false;
    }
    // global bindings of built-ins are read-only
    const g = this.globalObject;
    const gs = g.shape.toDictionary();
    for (let i = 0; i < gs.attrs.length; i++) gs.attrs[i] &= ~(Attr.Writable | Attr.Configurable);
    g.shape = gs;
  }
}

const FUNCTION_PROTOTYPE_ID = registerNative('Function.prototype', () => undefined);

const RESOLVE_FN_ID = registerNative('%PromiseResolvingFunction%', (vm, _t, args, _nt, self) => {
  const d = self.data as PromiseResolveData;
  if (d.state.resolved) return undefined;
  d.state.resolved = true;
  if (d.reject) vm.rejectPromise(d.promise, args[0]);
  else vm.resolvePromise(d.promise, args[0]);
  return undefined;
});

/** The realm's named intrinsics (roots of the shared walk, in this order). */
const INTRINSIC_FIELDS = [
  'ObjectPrototype',
  'FunctionPrototype',
  'ArrayPrototype',
  'StringPrototype',
  'NumberPrototype',
  'BooleanPrototype',
  'SymbolPrototype',
  'BigIntPrototype',
  'IteratorPrototype',
  'ArrayIteratorPrototype',
  'StringIteratorPrototype',
  'MapIteratorPrototype',
  'SetIteratorPrototype',
  'RegExpStringIteratorPrototype',
  'GeneratorPrototype',
  'GeneratorFunctionPrototype',
  'AsyncFunctionPrototype',
  'AsyncIteratorPrototype',
  'AsyncGeneratorPrototype',
  'AsyncGeneratorFunctionPrototype',
  'PromisePrototype',
  'MapPrototype',
  'SetPrototype',
  'RegExpPrototype',
  'DatePrototype',
  'ErrorPrototype',
] as const satisfies readonly (keyof Realm)[];

/**
 * Every object reachable from a template realm's global bindings, named intrinsics, `$`
 * and prelude hooks (not the global object itself), depth first in definition order,
 * and the environments on the way.
 */
function walkShared(r: Realm): { objects: JSObject[]; envs: Env[] } {
  const objects: JSObject[] = [];
  const envs: Env[] = [];
  const seen = new Set<object>([r.globalObject]);
  const stack: unknown[] = [];
  const push = (v: unknown): void => {
    if ((v instanceof JSObject || v instanceof Env) && !seen.has(v)) stack.push(v);
  };
  // the global bindings first, then intrinsics no global property reaches (the
  // generator and async function prototypes, iterator prototypes, …), `$`, the prelude
  const roots: unknown[] = [...r.globalObject.slotValues()];
  for (const k of INTRINSIC_FIELDS) roots.push(r[k]);
  for (const k of Object.keys(r.errorProtos)) roots.push(r.errorProtos[k as keyof Realm['errorProtos']]);
  for (const c of r.ctors.values()) roots.push(c);
  roots.push(r.arrayIterNext, r.stringIterNext, r.generatorNext, ...r.builtinIterNexts, r.internals);
  for (const k of Object.keys(r.prelude)) roots.push(r.prelude[k]);
  for (const root of roots) {
    if (root instanceof AccessorPair) {
      push(root.set);
      push(root.get);
    } else push(root);
    while (stack.length) {
      const o = stack.pop()!;
      if (seen.has(o)) continue;
      seen.add(o);
      if (o instanceof Env) {
        envs.push(o);
        for (let i = o.vars.length - 1; i >= 0; i--) push(o.vars[i]);
        push(o.parent);
        continue;
      }
      const obj = o as JSObject;
      objects.push(obj);
      // pushed in reverse so the walk visits them in definition order
      if (obj instanceof JSFunction) {
        push(obj.fieldInit);
        push(obj.home);
        push(obj.env);
      } else if (obj instanceof NativeFunction) {
        if (obj.data instanceof JSObject) push(obj.data);
      } else if (obj instanceof JSArray) {
        for (let i = obj.elements.length - 1; i >= 0; i--) push(obj.elements[i]);
      }
      for (let i = obj.slotCount - 1; i >= 0; i--) {
        const v = obj.getSlot(i);
        if (v instanceof AccessorPair) {
          push(v.set);
          push(v.get);
        } else push(v);
      }
      push(obj.proto);
    }
  }
  return { objects, envs };
}

/**
 * Checks that a VM's realm takes every field of the template: a field an installer adds
 * (`r.foo = …`) must be copied in the constructor (shared) or listed as per-VM.
 */
function checkFacade(t: Realm): void {
  const probe = new Realm(new VM());
  for (const k of Object.keys(t)) {
    if (PER_VM_FIELDS.has(k) || BUILD_ONLY_FIELDS.has(k)) continue;
    const tv = (t as unknown as Record<string, unknown>)[k];
    const pv = (probe as unknown as Record<string, unknown>)[k];
    if (tv !== pv) throw new Error(`internal: realm field ${k} is not copied to VM realms (share it in the Realm constructor or list it in PER_VM_FIELDS)`);
  }
}


import { Accessor as AccessorPair } from '../objects';
import { WELL_KNOWN } from '../value';
const WELL_KNOWN_TAG = WELL_KNOWN.toStringTag;

/** Steps built-in iterators (arrays, strings, maps, sets) without guest code. */
export function builtinIterStepImpl(r: Realm, it: JSIterator): Value | typeof HOLE {
  if (it.done) return HOLE;
  const t = it.target;
  const vm = r.vm;
  if (t instanceof JSArray) {
    if (it.pos >= t.elements.length) {
      it.done = true;
      return HOLE;
    }
    const i = it.pos++;
    const v = t.elements[i];
    const val = v === HOLE ? undefined : (v as Value);
    if (it.kind === IterKind.Values) return val;
    if (it.kind === IterKind.Keys) return i;
    return vm.newArray([i, val]);
  }
  if (typeof t === 'string') {
    if (it.pos >= t.length) {
      it.done = true;
      return HOLE;
    }
    const cp = t.codePointAt(it.pos)!;
    const ch = String.fromCodePoint(cp);
    it.pos += ch.length;
    return ch;
  }
  // Array iterators over array-likes (`Array.prototype.values.call(obj)`, `Array.from(Array.prototype)`)
  if (it.proto === r.ArrayIteratorPrototype && t instanceof JSObject && r.arrayLikeStep) return r.arrayLikeStep(vm, it);
  const step = r.collectionStep;
  if (step) return step(vm, it);
  it.done = true;
  return HOLE;
}

export interface Realm {
  /** Steps Map/Set iterators (installed by the collections module). */
  collectionStep?: (vm: VM, it: JSIterator) => Value | typeof HOLE;
  /** Steps an Array Iterator over an object that is not an array (installed by the iteration module). */
  arrayLikeStep?: (vm: VM, it: JSIterator) => Value | typeof HOLE;
  /** JSON.stringify for console's %j, without guest code (installed by the JSON module). */
  jsonStringify?: (vm: VM, v: Value) => string;
}

export { Cont, PUSHED, type Slot };
