/**
 * Realm sharing: every VM of the process shares one frozen set of intrinsics (the realm
 * template) and owns only its global object and per-run state. These tests check the
 * isolation that makes that safe: globals, the Symbol.for registry and guest objects stay
 * per VM; no guest can change any shared object (every attempt is a TypeError in strict
 * mode and the template is bit-for-bit unchanged afterwards); interleaved executions with
 * capabilities stay independent; heap figures stay deterministic.
 */
import { describe, expect, it } from 'vitest';
import { runSync as runChecked, start as startChecked } from '../../../core/index';
import { compileProgram } from '../../../core/compiler/compiler';
import { parseProgram } from '../../../core/parse';
import { createVM } from '../../../core/run';
import { Env, JSArray, JSFunction, JSObject, NativeFunction, Accessor } from '../../../core/objects';
import { GSymbol } from '../../../core/value';
import { measureLive, type VM } from '../../../core/vm/interpreter';
import { realmTemplate, type RealmTemplate } from '../../../core/vm/realm';

/**
 * The validator refuses most of what these tests try (writing globals, setPrototypeOf):
 * they compile without it, so what is tested is the VM's own defence.
 */
function unchecked(src: string, capabilities: string[] = []) {
  return compileProgram(parseProgram(src), src, { capabilities });
}
const runSync = (src: string, options: Parameters<typeof runChecked>[1] = {}) => runChecked(unchecked(src), options);
const start = (src: string, options: Parameters<typeof startChecked>[1] = {}, capabilities: string[] = []) => startChecked(unchecked(src, capabilities), options);
void runChecked;

/** Everything about a shared object a guest could change, by identity. */
function fingerprint(tp: RealmTemplate): unknown[][] {
  const out: unknown[][] = [];
  for (const o of tp.objects) {
    const row: unknown[] = [o, o.proto, o.extensible, o.shape, o.shape.dictionary, o.shape.keys.length, ...o.shape.keys, ...o.shape.attrs];
    for (const s of o.slotValues()) {
      if (s instanceof Accessor) row.push('acc', s.get, s.set);
      else row.push(s);
    }
    if (o instanceof JSArray) row.push('elements', o.writable, ...o.elements);
    if (o instanceof JSFunction) row.push('fn', o.env, o.home, o.fieldInit, o.code);
    if (o instanceof NativeFunction) row.push('native', o.nativeId, o.data, o.ctor);
    out.push(row);
  }
  for (const e of tp.envs) out.push([e, e.parent, e.vars.length, ...e.vars]);
  return out;
}

function expectSameFingerprint(a: unknown[][], b: unknown[][]): void {
  expect(b.length).toBe(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const same = x.length === y.length && x.every((v, j) => Object.is(v, y[j]));
    if (!same) throw new Error(`shared object #${i} (${describeShared(x[0])}) changed`);
  }
}

function describeShared(o: unknown): string {
  if (o instanceof Env) return 'an environment';
  if (o instanceof JSObject) {
    const tp = realmTemplate();
    return `${tp.realm.nameOf(o)} (id ${o.id})`;
  }
  return String(o);
}

/** Runs `src` in a fresh VM and returns the VM (its global holds what the program left there). */
function runIn(src: string, options: Parameters<typeof start>[1] = {}): VM {
  const exec = start(src, options);
  expect(exec.outcome.status).toBe('completed');
  return exec.vm;
}

function globalOf(vm: VM, name: string): unknown {
  const g = vm.realm.globalObject;
  const i = g.shape.index.get(name);
  return i === undefined ? undefined : g.getSlot(i);
}

describe('the realm template', () => {
  it('is built once: every VM shares its intrinsics and has its own global object', () => {
    const a = createVM({ seed: 1 }).vm;
    const b = createVM({ seed: 2 }).vm;
    expect(a.realm).not.toBe(b.realm);
    expect(a.realm.template).toBe(b.realm.template);
    expect(a.realm.template).toBe(realmTemplate());
    expect(a.realm.ArrayPrototype).toBe(b.realm.ArrayPrototype);
    expect(a.realm.prelude).toBe(b.realm.prelude);
    expect(a.realm.globalObject).not.toBe(b.realm.globalObject);
    expect(a.realm.globalObject.shape.dictionary).toBe(false);
    expect(a.realm.vm).toBe(a);
    expect(b.realm.vm).toBe(b);
    // globalThis is each VM's own global
    expect(globalOf(a, 'globalThis')).toBe(a.realm.globalObject);
    expect(globalOf(b, 'globalThis')).toBe(b.realm.globalObject);
    // the built-in bindings are the shared intrinsics
    expect(globalOf(a, 'Math')).toBe(globalOf(b, 'Math'));
  });

  it('lists every shared object in a stable order, without any VM global', () => {
    const tp = realmTemplate();
    expect(tp.objects.length).toBeGreaterThan(300);
    expect(new Set(tp.objects).size).toBe(tp.objects.length);
    expect(tp.envs.length).toBeGreaterThan(0);
    const { vm } = createVM({ seed: 1 });
    expect(tp.indexOf(vm.realm.globalObject)).toBe(-1);
    expect(tp.indexOf(tp.realm.globalObject)).toBe(-1);
    expect(tp.indexOf(vm.realm.ObjectPrototype)).toBeGreaterThanOrEqual(0);
    expect(tp.objects[tp.indexOf(vm.realm.ArrayPrototype)]).toBe(vm.realm.ArrayPrototype);
    expect(tp.envs[tp.indexOf(tp.envs[0])]).toBe(tp.envs[0]);
    for (const o of tp.objects) {
      expect(o.extensible).toBe(false);
      expect(vm.realm.intrinsics.has(o)).toBe(true);
    }
  });

  it('shares no object with any VM global (every shared reference stays inside the template)', () => {
    const tp = realmTemplate();
    const shared = new Set<unknown>([...tp.objects, ...tp.envs]);
    const check = (v: unknown): void => {
      if (v instanceof JSObject || v instanceof Env) expect(shared.has(v)).toBe(true);
    };
    for (const o of tp.objects) {
      check(o.proto);
      for (const s of o.slotValues()) {
        if (s instanceof Accessor) {
          check(s.get);
          check(s.set);
        } else check(s);
      }
      if (o instanceof JSFunction) {
        check(o.env);
        check(o.home);
      }
    }
    for (const e of tp.envs) for (const v of e.vars) check(v);
  });
});

describe('isolation between VMs', () => {
  it('globals: what one program defines, another never sees', () => {
    const a = runIn('globalThis.leak = { n: 1 }; globalThis.leak.n++; var x = 5; leak.n');
    expect((globalOf(a, 'leak') as JSObject).getSlot(0)).toBe(2);
    expect(runSync('[typeof leak, typeof x, "leak" in globalThis, Object.keys(globalThis).length]').value).toEqual(['undefined', 'undefined', false, 0]);
    // inputs are per VM too
    expect(runSync('secret', { inputs: { secret: 42 } }).value).toBe(42);
    expect(runSync('typeof globalThis.secret').value).toBe('undefined');
  });

  it('the global object of each VM is extensible and its built-in bindings are read-only', () => {
    expect(runSync('globalThis.a = 1; globalThis.b = 2; Object.isExtensible(globalThis) && a + b').value).toBe(3);
    expect(() => runSync('globalThis.Math = 1')).toThrow(/read only|Cannot assign/);
    expect(() => runSync('Object = 1')).toThrow(/read only|constant|Cannot assign/);
    expect(() => runSync('delete globalThis.JSON')).toThrow(/TypeError|delete/);
    expect(runSync('typeof Math.max + typeof JSON.parse').value).toBe('functionfunction');
  });

  it('Symbol.for: each VM has its own registry', () => {
    const a = runIn('globalThis.s = Symbol.for("shared-key"); Symbol.keyFor(s)');
    const b = runIn('globalThis.s = Symbol.for("shared-key"); globalThis.t = Symbol.for("shared-key"); s === t');
    const sa = globalOf(a, 's');
    const sb = globalOf(b, 's');
    expect(sa).toBeInstanceOf(GSymbol);
    expect(sb).toBeInstanceOf(GSymbol);
    expect(sa).not.toBe(sb);
    expect(globalOf(b, 't')).toBe(sb);
    expect(a.realm.symbolRegistry).not.toBe(b.realm.symbolRegistry);
    expect(a.realm.symbolRegistry?.get('shared-key')).toBe(sa);
    expect(b.realm.symbolRegistry?.get('shared-key')).toBe(sb);
    // a VM that never calls Symbol.for has no registry
    expect(runIn('1').realm.symbolRegistry).toBe(null);
    expect(runSync('Symbol.keyFor(Symbol.for("x")) + String(Symbol.keyFor(Symbol("x")))').value).toBe('xundefined');
  });

  it('regex step accounting is per VM: instruction counts do not depend on what ran before', () => {
    const src = '/(a|b)*c/.test("ab".repeat(50) + "c") && "x,y".split(/,/).length';
    const first = runSync(src, { seed: 1 });
    for (let i = 0; i < 3; i++) runSync('/(a|b)*c/.test("abababc"); /x+/g.exec("xxx")');
    const again = runSync(src, { seed: 1 });
    expect(again).toEqual(first);
    const { vm } = createVM({ seed: 1 });
    expect(vm.realm.regexSteps).toBe(0);
    expect(vm.realm.regexCompiled).toBeUndefined();
  });

  it('objects reachable from the intrinsics cannot carry state from one VM to another', () => {
    const attempts = [
      'Array.prototype.evil = 1',
      'Object.prototype.evil = 1',
      'Math.PI = 3',
      'Math.evil = 1',
      'JSON.parse = null',
      'Array.prototype.push = null',
      'delete Array.prototype.map',
      'Object.defineProperty(Object.prototype, "evil", { value: 1 })',
      'Object.setPrototypeOf(Array.prototype, null)',
      'Array.prototype.__proto__ = null',
      '[].constructor.evil = 1',
      '(function () {}).constructor.prototype.evil = 1',
      '(async function () {}).constructor.evil = 1',
      'Object.getPrototypeOf(function* () {}).evil = 1',
      'Object.getPrototypeOf([][Symbol.iterator]()).next = null',
      'Object.getPrototypeOf(new Map().entries()).evil = 1',
      'Symbol.prototype.evil = 1',
      'Error.prototype.message = "x"',
      'TypeError.prototype.name = "x"',
      'Promise.prototype.then = null',
      'RegExp.prototype.exec = null',
      'Date.prototype.getTime = null',
      'Object.assign(Math, { evil: 1 })',
      'Object.defineProperty(Array.prototype, "map", { get() { return 1; } })',
      'Array.prototype[0] = 1',
      'Array.prototype.length = 5',
      'Function.prototype.call = null',
      'Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").set.evil = 1',
      'Object.defineProperty(Object.getOwnPropertyDescriptor(Object.prototype, "__proto__"), "x", {value: 1}); Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").get.evil = 1',
    ];
    for (const src of attempts) {
      expect(() => runSync(src), src).toThrow(/TypeError|read only|not extensible|Cannot|built-in/);
    }
    expect(
      runSync('[typeof Array.prototype.evil, typeof Object.prototype.evil, Math.PI, typeof Math.evil, typeof [].map, typeof Error.prototype.message]').value,
    ).toEqual(['undefined', 'undefined', Math.PI, 'undefined', 'function', 'string']);
    // shadowing a read-only built-in on an own object is allowed (the override mistake), and stays local
    expect(runSync('class E extends Error { constructor() { super("m"); this.name = "E"; } } const o = Object.create(Array.prototype); o.map = 1; [new E().name, o.map, typeof [].map]').value).toEqual(['E', 1, 'function']);
  });

  it('no guest can mutate any shared intrinsic: every attempt on every reachable object throws a TypeError', () => {
    const tp = realmTemplate();
    const before = fingerprint(tp);
    // walks every object reachable from globalThis (own properties, symbols, accessors,
    // prototypes) and tries every way of changing it; non-TypeError outcomes are collected
    const src = String.raw`
      const seen = new Set([globalThis]);
      const todo = [];
      const add = (v) => { if ((typeof v === 'object' || typeof v === 'function') && v !== null && !seen.has(v)) { seen.add(v); todo.push(v); } };
      for (const k of Object.getOwnPropertyNames(globalThis)) add(globalThis[k]);
      const problems = [];
      let attempts = 0;
      const expectTypeError = (what, f) => {
        attempts++;
        try { f(); problems.push(what + ': no error'); }
        catch (e) { if (!(e instanceof TypeError)) problems.push(what + ': ' + e); }
      };
      while (todo.length) {
        const o = todo.pop();
        const keys = [...Object.getOwnPropertyNames(o), ...Object.getOwnPropertySymbols(o)];
        for (const k of keys) {
          const d = Object.getOwnPropertyDescriptor(o, k);
          if ('value' in d) add(d.value); else { add(d.get); add(d.set); }
          const name = String(typeof k === 'symbol' ? k.description : k);
          if ('value' in d) expectTypeError('assign ' + name, () => { o[k] = 1; });
          expectTypeError('delete ' + name, () => { delete o[k]; });
          // a fresh object: never the current value (redefining with the same value is allowed by the spec)
          expectTypeError('redefine ' + name, () => Object.defineProperty(o, k, { value: {} }));
          expectTypeError('accessor ' + name, () => Object.defineProperty(o, k, { get() { return 3; } }));
        }
        add(Object.getPrototypeOf(o));
        expectTypeError('new property', () => { o.__capsuleEvil = 1; });
        expectTypeError('new symbol property', () => { o[Symbol.for('evil')] = 1; });
        expectTypeError('defineProperty', () => Object.defineProperty(o, 'evil2', { value: 1 }));
        expectTypeError('setPrototypeOf', () => Object.setPrototypeOf(o, {}));
        expectTypeError('__proto__', () => { o.__proto__ = {}; });
        // idempotent on frozen objects (no error in V8 either), and must not change anything
        Object.freeze(o); Object.seal(o); Object.preventExtensions(o);
        if (!Object.isFrozen(o)) problems.push('not frozen');
      }
      [seen.size, attempts, problems];
    `;
    const [count, attempts, problems] = runSync(src, { limits: { instructions: 200_000_000 } }).value as [number, number, string[]];
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(300);
    expect(attempts).toBeGreaterThan(5000);
    expectSameFingerprint(before, fingerprint(tp));
  });

  it('a broad program mix leaves every shared object unchanged', () => {
    const tp = realmTemplate();
    const before = fingerprint(tp);
    const programs = [
      'const o = {}; for (let i = 0; i < 100; i++) o["k" + i] = i; JSON.stringify(o).length',
      '[3, 1, 2].sort((a, b) => a - b).map(String).join()',
      '"a-b-c".replace(/-/g, (m) => m + m).split("").reverse().join("")',
      'const m = new Map([[1, 2]]); const s = new Set([1]); [...m.entries(), ...s]',
      'class A { #x = 1; get x() { return this.#x; } static s = 2 } class B extends A {} new B().x + B.s',
      'function* g() { yield 1; yield 2; } [...g()]',
      'async function f() { await null; return 1; } f()',
      'Promise.all([1, Promise.resolve(2)]).then((v) => v.join())',
      'new Date(0).toISOString() + new Intl.NumberFormat("en-US").format(1234.5)',
      'Object.freeze(Object.prototype); Object.freeze(Math); Object.seal(Array.prototype); Object.preventExtensions(JSON); 1',
      'const a = [1, 2, 3]; a.x = 1; Object.defineProperty(a, "y", { value: 2 }); delete a.x; a.length',
      'Symbol.for("a"); Symbol.for("b"); String(Symbol.iterator)',
      'let s = 0; for (const k in { a: 1, b: 2 }) s += k.length; s',
      'try { null.x } catch (e) { e.message = "changed"; e.constructor.name }',
      'const r = /(a)(b)?/g; r.lastIndex = 1; [r.exec("xab"), "ab".matchAll(/a/g).next().value[0]]',
      'console.log("%j %o", { a: 1 }, [1]); 1',
      '`t${1}` + String.raw`x\n`',
    ];
    for (const p of programs) runSync(p, { onConsole() {} });
    expectSameFingerprint(before, fingerprint(tp));
  });
});

describe('interleaved executions', () => {
  const capabilities = {
    lookup: {
      description: 'looks something up',
      args: { type: 'array', items: [{ type: 'object' }] },
      result: { type: 'object' },
    },
  };

  it('two suspended executions resumed in turn stay independent', () => {
    const src = (tag: string) => `
      globalThis.log = [];
      const counter = { n: 0 };
      Array.prototype.tag = undefined;
      for (let i = 0; i < 3; i++) {
        const r = lookup({ i, tag: ${JSON.stringify(tag)} });
        counter.n += r.v;
        log.push(r.v + ":" + Math.floor(Math.random() * 1000));
      }
      [counter.n, log.join(","), Symbol.keyFor(Symbol.for(${JSON.stringify(tag)}))]
    `;
    const mk = (tag: string, seed: number) => start(src(tag), { capabilities: capabilities as never, seed }, ['lookup']);
    // Array.prototype.tag = … throws in both: check that first, then run a version without it
    expect(() => mk('a', 1)).toThrow(/TypeError|not extensible|Cannot/);
    const plain = (tag: string, seed: number) => start(src(tag).replace('Array.prototype.tag = undefined;', ''), { capabilities: capabilities as never, seed }, ['lookup']);
    const a = plain('a', 1);
    const b = plain('b', 1);
    const answers = { a: [10, 20, 30], b: [1, 2, 3] };
    const outs: Record<string, ReturnType<typeof a.resume>> = { a: a.outcome, b: b.outcome };
    for (let step = 0; step < 3; step++) {
      for (const [name, exec] of [['b', b], ['a', a]] as const) {
        const out = outs[name];
        expect(out.status).toBe('suspended');
        if (out.status !== 'suspended') return;
        expect(out.calls).toHaveLength(1);
        expect(out.calls[0].args).toEqual([{ i: step, tag: name }]);
        outs[name] = exec.resume([{ id: out.calls[0].id, value: { v: answers[name][step] } }]);
      }
    }
    const ra = outs.a;
    const rb = outs.b;
    expect(ra.status).toBe('completed');
    expect(rb.status).toBe('completed');
    if (ra.status !== 'completed' || rb.status !== 'completed') return;
    const [na, la, ka] = ra.value as [number, string, string];
    const [nb, lb, kb] = rb.value as [number, string, string];
    expect([na, nb]).toEqual([60, 6]);
    expect([ka, kb]).toEqual(['a', 'b']);
    // same seed, same sequence of Math.random in each VM, whatever the other did in between
    expect(la.split(',').map((s) => s.split(':')[1])).toEqual(lb.split(',').map((s) => s.split(':')[1]));
    // and the same as an uninterleaved run
    const solo = runChecked(unchecked(src('a').replace('Array.prototype.tag = undefined;', ''), ['lookup']), {
      capabilities: { lookup: { ...capabilities.lookup, handler: (x: { i: number }) => ({ v: answers.a[x.i] }) } } as never,
      seed: 1,
    });
    expect(solo.value).toEqual(ra.value);
    expect(solo.instructions).toBe(ra.instructions);
  });

  it('an execution paused mid-run is unaffected by another VM running to completion', () => {
    const src = 'globalThis.acc = 0; for (let i = 0; i < 20000; i++) acc += i; acc';
    const a = start(src, { sliceInstructions: 5000 });
    expect(a.outcome.status).toBe('paused');
    expect(runSync('globalThis.acc = -1; typeof acc').value).toBe('number');
    let out = a.outcome;
    while (out.status === 'paused') {
      expect(runSync('typeof acc').value).toBe('undefined');
      out = a.resume();
    }
    expect(out.status === 'completed' && out.value).toBe((20000 * 19999) / 2);
  });
});

describe('shared shapes', () => {
  const treeSize = (vm: VM): number => vm.realm.objectRootShape.collectTransitions(new Set()).size;

  it('property names programs used are forgotten from the shared shape trees once they pile up', () => {
    const { vm } = createVM({ seed: 1 });
    const tp = vm.realm.template;
    tp.pruneShapes();
    const pinned = treeSize(vm);
    runSync('for (let i = 0; i < 25000; i++) { const o = {}; o["unique" + i] = i; } 1');
    expect(treeSize(vm)).toBeGreaterThan(pinned + 20_000);
    // the next VM created prunes (more than 20 000 new shapes since the last prune)
    const { vm: next } = createVM({ seed: 1 });
    expect(treeSize(next)).toBe(pinned);
    // the template's own shapes stay shared: a literal {value, done} still gets the iterator-result shape
    const o = next.newObject();
    o.addProperty('value', 1);
    o.addProperty('done', false);
    expect(o.shape).toBe(next.realm.iterResultShape);
    expect(runSync('const a = { x: 1 }; const b = { x: 2 }; [a.x + b.x, Object.keys(a)]').value).toEqual([3, ['x']]);
  });

  it('pruning while another execution is paused keeps that execution correct', () => {
    const src = 'const objs = []; for (let i = 0; i < 3000; i++) { const o = { a: i }; o["k" + (i % 50)] = i; objs.push(o); } let s = 0; for (const o of objs) s += o.a + o["k" + (o.a % 50)]; s';
    const exec = start(src, { sliceInstructions: 20_000 });
    let out = exec.outcome;
    while (out.status === 'paused') {
      realmTemplate().pruneShapes();
      out = exec.resume();
    }
    expect(out.status === 'completed' && out.value).toBe(2 * ((3000 * 2999) / 2));
  });
});

describe('heap accounting', () => {
  it('is deterministic and independent of other VMs', () => {
    const measure = (): number => {
      const { vm } = createVM({ seed: 1 });
      return measureLive(vm);
    };
    const first = measure();
    // other VMs allocate, mark and define globals in between
    for (let i = 0; i < 3; i++) runSync('const a = []; for (let i = 0; i < 1000; i++) a.push({ i }); globalThis.keep = a; a.length', { limits: { heapBytes: 4 << 20 } });
    expect(measure()).toBe(first);
    // the intrinsics still count: a fresh VM's live heap is the shared built-ins plus its global
    expect(first).toBeGreaterThan(40_000);
    const a = runIn('globalThis.big = "x".repeat(10000); 1');
    const b = runIn('1');
    expect(measureLive(a) - measureLive(b)).toBeGreaterThanOrEqual(20_000);
  });

  it('creating a VM charges nothing', () => {
    const { vm } = createVM({ seed: 1 });
    expect(vm.allocations).toBe(0);
    expect(vm.instructions).toBe(0);
    expect(vm.heapBytes).toBe(0);
  });
});
