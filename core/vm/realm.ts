/**
 * A realm: the global object and every intrinsic (prototypes, constructors, the
 * self-hosted prelude). Built-in modules in core/builtins install themselves through
 * the small definition API here (`fn`, `method`, `getter`, `ctor`, `value`).
 */
import { compileProgram } from '../compiler/compiler';
import type { CompiledProgram } from '../chunk';
import {
  rootShapeFor,
  Cls,
  JSArray,
  JSFunction,
  JSIterator,
  JSObject,
  JSPromise,
  JSRegExp,
  IterKind,
  NativeFunction,
  PromiseResolveData,
  type Slot,
} from '../objects';
import { parseProgram } from '../parse';
import { Attr, Shape } from '../shape';
import { GSymbol, HOLE, type PropertyKey, type Value } from '../value';
import { Cont } from './frame';
import { PUSHED, registerNative, type NativeImpl } from './natives';
import type { ErrorType } from './throw';
import { GuestError } from './throw';
import type { VM } from './interpreter';
import { PRELUDE_MODULES } from '../prelude/index';

/** Prelude functions the interpreter calls directly. */
export interface PreludeHooks {
  binary: JSFunction;
  unary: JSFunction;
  spreadInto: JSFunction;
  copyDataProperties: JSFunction;
  getIterator: JSFunction;
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

export class Realm {
  readonly ObjectPrototype: JSObject;
  readonly FunctionPrototype: JSObject;
  readonly ArrayPrototype: JSObject;
  readonly StringPrototype: JSObject;
  readonly NumberPrototype: JSObject;
  readonly BooleanPrototype: JSObject;
  readonly SymbolPrototype: JSObject;
  readonly BigIntPrototype: JSObject;
  readonly IteratorPrototype: JSObject;
  readonly ArrayIteratorPrototype: JSObject;
  readonly StringIteratorPrototype: JSObject;
  readonly MapIteratorPrototype: JSObject;
  readonly SetIteratorPrototype: JSObject;
  readonly RegExpStringIteratorPrototype: JSObject;
  readonly GeneratorPrototype: JSObject;
  readonly GeneratorFunctionPrototype: JSObject;
  readonly AsyncFunctionPrototype: JSObject;
  readonly AsyncIteratorPrototype: JSObject;
  readonly AsyncGeneratorPrototype: JSObject;
  readonly AsyncGeneratorFunctionPrototype: JSObject;
  readonly PromisePrototype: JSObject;
  readonly MapPrototype: JSObject;
  readonly SetPrototype: JSObject;
  readonly RegExpPrototype: JSObject;
  readonly DatePrototype: JSObject;
  readonly ErrorPrototype: JSObject;
  readonly errorProtos: Record<ErrorType | 'AggregateError', JSObject>;
  readonly globalObject: JSObject;
  /** Intrinsics the prelude reads through its `$` parameter. */
  readonly internals: JSObject;
  readonly objectRootShape: Shape;
  readonly arrayShape: Shape;
  readonly iterResultShape: Shape;
  prelude!: PreludeHooks;
  /** Constructors by global name, for modules that need another's (e.g. Promise). */
  readonly ctors = new Map<string, NativeFunction>();
  arrayIterNext!: NativeFunction;
  stringIterNext!: NativeFunction;
  generatorNext!: NativeFunction;
  readonly builtinIterNexts = new Set<NativeFunction>();
  /** Natives whose result depends on converting elements that may be guest objects. */
  readonly guestDependentNatives = new Set<number>();
  defaultHasInstanceId = -1;
  private readonly names = new Map<JSObject, string>();
  private readonly functionShapes = new Map<JSObject, Shape>();
  /** Compiles regex sources (installed by the RegExp module). */
  regexpFactory: ((source: string, flags: string) => JSRegExp) | null = null;
  /** Regex steps for the current run (installed by the RegExp module). */

  constructor(readonly vm: VM) {
    vm.realm = this;
    const proto = (p: JSObject | null, name: string, cls: Cls = Cls.Object): JSObject => {
      const o = new JSObject(p, cls, this.rootShape(p));
      this.names.set(o, name);
      return o;
    };
    this.ObjectPrototype = new JSObject(null, Cls.Object, this.rootShape(null));
    this.names.set(this.ObjectPrototype, 'Object.prototype');
    this.objectRootShape = this.rootShape(this.ObjectPrototype);
    this.FunctionPrototype = proto(this.ObjectPrototype, 'Function.prototype', Cls.Function);
    this.ArrayPrototype = proto(this.ObjectPrototype, 'Array.prototype');
    this.arrayShape = this.rootShape(this.ArrayPrototype);
    this.StringPrototype = proto(this.ObjectPrototype, 'String.prototype');
    this.NumberPrototype = proto(this.ObjectPrototype, 'Number.prototype');
    this.BooleanPrototype = proto(this.ObjectPrototype, 'Boolean.prototype');
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

    for (const install of installers) install(this);
    this.instantiatePrelude();
    this.freezeIntrinsics();
  }

  // ---- shapes ---------------------------------------------------------------------

  /** The root shape of objects whose prototype is `proto` (shape identity implies proto). */
  rootShape(proto: JSObject | null): Shape {
    return rootShapeFor(proto);
  }

  /** Shape of a fresh function: `length` then `name`, both configurable only. */
  functionShape(proto: JSObject): Shape {
    let s = this.functionShapes.get(proto);
    if (!s) {
      s = this.rootShape(proto).add('length', Attr.Configurable).add('name', Attr.Configurable);
      this.functionShapes.set(proto, s);
    }
    return s;
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
    f.slots.push(length, name);
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
    return this.regexpFactory(source, flags);
  }

  /** The resolve/reject pair of a promise. */
  createResolvingFunctions(p: JSPromise): [NativeFunction, NativeFunction] {
    const state = { resolved: false };
    const resolve = new NativeFunction(this.FunctionPrototype, this.resolveFnId, new PromiseResolveData(p, state, false), false);
    resolve.shape = this.functionShape(this.FunctionPrototype);
    resolve.slots.push(1, '');
    const reject = new NativeFunction(this.FunctionPrototype, this.resolveFnId, new PromiseResolveData(p, state, true), false);
    reject.shape = this.functionShape(this.FunctionPrototype);
    reject.slots.push(1, '');
    this.vm.charge(160);
    return [resolve, reject];
  }

  resolveFnId = registerNative('%PromiseResolvingFunction%', (vm, _t, args, _nt, self) => {
    const d = self.data as PromiseResolveData;
    if (d.state.resolved) return undefined;
    d.state.resolved = true;
    if (d.reject) vm.rejectPromise(d.promise, args[0]);
    else vm.resolvePromise(d.promise, args[0]);
    return undefined;
  });

  /** Frozen built-in objects (their read-only properties may be shadowed on instances). */
  readonly intrinsics = new Set<JSObject>();

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
      const fn = exportsObj.slots[i] as JSFunction;
      hooks[k] = fn;
    }
    this.prelude = hooks as PreludeHooks;
    for (const [target, name, fnName] of this.preludeInstalls) {
      const fn = hooks[fnName];
      if (!fn) throw new Error(`prelude function ${fnName} missing`);
      target.defineOwn(name, fn, Attr.Hidden);
      this.vm.setFunctionName(fn, name, '');
    }
  }

  private readonly preludeInstalls: [JSObject, PropertyKey, string][] = [];

  /** Installs a prelude function as a built-in method once the prelude is compiled. */
  selfHosted(target: JSObject, name: PropertyKey, preludeName: string): void {
    this.preludeInstalls.push([target, name, preludeName]);
  }

  /** Freezes built-in prototypes and constructors: guests cannot mutate them. */
  private freezeIntrinsics(): void {
    const seen = new Set<JSObject>();
    const visit = (o: JSObject): void => {
      if (seen.has(o) || o === this.globalObject || o === this.internals) return;
      seen.add(o);
      this.intrinsics.add(o);
      const s = o.shape.toDictionary();
      for (let i = 0; i < s.attrs.length; i++) {
        s.attrs[i] &= ~(Attr.Writable | Attr.Configurable);
        if (s.attrs[i] & Attr.Accessor) s.attrs[i] &= ~Attr.Writable;
      }
      o.shape = s;
      o.extensible = false;
      if (o.proto) visit(o.proto);
      for (const v of o.slots) {
        if (v instanceof JSObject) visit(v);
        else if (v instanceof AccessorPair) {
          if (v.get) visit(v.get);
          if (v.set) visit(v.set);
        }
      }
    };
    for (const v of this.globalObject.slots) if (v instanceof JSObject) visit(v);
    // global bindings of built-ins are read-only
    const g = this.globalObject;
    const gs = g.shape.toDictionary();
    for (let i = 0; i < gs.attrs.length; i++) gs.attrs[i] &= ~(Attr.Writable | Attr.Configurable);
    g.shape = gs;
    // the root shapes of frozen prototypes changed identity with toDictionary: keep roots
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
  const step = r.collectionStep;
  if (step) return step(it);
  it.done = true;
  return HOLE;
}

export interface Realm {
  /** Steps Map/Set iterators (installed by the collections module). */
  collectionStep?: (it: JSIterator) => Value | typeof HOLE;
}

export { Cont, PUSHED, type Slot };
