/**
 * The engines the bench compares. Each adapter turns a guest source into a host value, one
 * complete "source → result" run per call (every engine parses/compiles on every run; V8
 * may serve the compile from its isolate-wide compilation cache).
 *
 *  - core:    our interpreter, from the esbuild bundle (bench/build-core.ts), `runSync`.
 *  - v8:      `node:vm`, one fresh context per workload, `runInContext` per run.
 *  - quickjs: quickjs-emscripten (release-sync wasm build), one runtime + context for the
 *             whole bench, `evalCode` per run.
 *  - mustard: mustardscript (native addon), `new Mustard(source).start()` per run.
 *
 * V8 and QuickJS run the guest wrapped as `"use strict"; { <source> }`: the block keeps the
 * top-level `let`/`const`/functions out of the (reused) global scope, and its completion
 * value is the script's. core and Mustard get the plain source (both are always strict and
 * start every run from a fresh realm).
 */
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { QuickJSContext, QuickJSRuntime } from 'quickjs-emscripten';
import type { CoreModule } from './build-core';

const require = createRequire(import.meta.url);

export type EngineId = 'core' | 'v8' | 'quickjs' | 'mustard';

export interface RunOutput {
  value: unknown;
  /** Guest instructions executed (core only). */
  instructions?: number;
}

/** A workload prepared for one engine (e.g. its own V8 context). */
export interface Session {
  run(): RunOutput;
  dispose(): void;
}

export interface Engine {
  id: EngineId;
  label: string;
  /** Versions and build details, for the header and docs. */
  version: string;
  /** Why the engine cannot run at all (then every cell says so). */
  unavailable?: string;
  prepare(name: string, source: string): Session;
  /** The "trivial compile+run" measurement: one fresh realm/context per call where the engine has one. */
  trivial(source: string): unknown;
  trivialNote: string;
  close(): void;
}

/** Thrown when a run was stopped by the per-run timeout. */
export class TimeoutError extends Error {}

export const CORE_LIMITS = {
  instructions: 1e10,
  heapBytes: 1024 * 1024 * 1024,
  allocations: 1e9,
  timeMs: 600_000,
};

function strictBlock(source: string): string {
  return `"use strict";\n{\n${source}\n}`;
}

function pkgVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return '?';
  }
}

// ---------------------------------------------------------------------------------------
// core

export function coreEngine(core: CoreModule, bundleNote: string): Engine {
  return {
    id: 'core',
    label: 'core',
    version: `Capsule core ${core.CORE_VERSION} (${bundleNote})`,
    prepare(_name, source) {
      return {
        run() {
          const r = core.runSync(source, { limits: CORE_LIMITS, seed: 1 });
          return { value: r.value, instructions: r.instructions };
        },
        dispose() {},
      };
    },
    trivial(source) {
      return core.runSync(source, { seed: 1 }).value;
    },
    trivialNote: 'runSync(source): parse, validate, compile, new realm, run',
    close() {},
  };
}

// ---------------------------------------------------------------------------------------
// V8

export function v8Engine(): Engine {
  return {
    id: 'v8',
    label: 'V8',
    version: `V8 ${process.versions.v8} (node:vm, Node ${process.versions.node}, JIT on)`,
    prepare(name, source) {
      const context = vm.createContext({});
      const code = strictBlock(source);
      return {
        run: () => ({ value: vm.runInContext(code, context, { filename: `${name}.js` }) }),
        dispose() {},
      };
    },
    trivial(source) {
      return vm.runInNewContext(source);
    },
    trivialNote: 'vm.runInNewContext(source): new context, compile (cached), run',
    close() {},
  };
}

// ---------------------------------------------------------------------------------------
// QuickJS

export async function quickjsEngine(timeoutMs: number): Promise<Engine> {
  const version = `QuickJS (bellard, via quickjs-emscripten ${pkgVersion('quickjs-emscripten')}, release-sync wasm)`;
  let runtime: QuickJSRuntime;
  let context: QuickJSContext;
  let deadline = Infinity;
  let interrupted = false;
  try {
    const { getQuickJS } = await import('quickjs-emscripten');
    const QuickJS = await getQuickJS();
    runtime = QuickJS.newRuntime();
    runtime.setMemoryLimit(1024 * 1024 * 1024);
    runtime.setInterruptHandler(() => {
      if (performance.now() <= deadline) return false;
      interrupted = true;
      return true;
    });
    context = runtime.newContext();
  } catch (error) {
    return unavailableEngine('quickjs', 'QuickJS', version, `cannot load quickjs-emscripten: ${String(error)}`);
  }
  const evaluate = (ctx: QuickJSContext, code: string, filename: string): unknown => {
    interrupted = false;
    deadline = performance.now() + timeoutMs;
    const result = ctx.evalCode(code, filename);
    deadline = Infinity;
    if (result.error) {
      const error = ctx.dump(result.error) as { name?: string; message?: string } | string;
      result.error.dispose();
      if (interrupted) throw new TimeoutError(`interrupted after ${timeoutMs} ms`);
      throw new Error(typeof error === 'object' && error ? `${error.name}: ${error.message}` : String(error));
    }
    const value = ctx.dump(result.value);
    result.value.dispose();
    return value;
  };
  return {
    id: 'quickjs',
    label: 'QuickJS',
    version,
    prepare(name, source) {
      const code = strictBlock(source);
      return { run: () => ({ value: evaluate(context, code, `${name}.js`) }), dispose() {} };
    },
    trivial(source) {
      const ctx = runtime.newContext();
      try {
        return evaluate(ctx, source, 'trivial.js');
      } finally {
        ctx.dispose();
      }
    },
    trivialNote: 'runtime.newContext() + evalCode(source) + dispose (runtime reused)',
    close() {
      context.dispose();
      runtime.dispose();
    },
  };
}

// ---------------------------------------------------------------------------------------
// MustardScript

export const MUSTARD_LIMITS = {
  instructionBudget: 1e12,
  heapLimitBytes: 1024 * 1024 * 1024,
  allocationBudget: 1e12,
  callDepthLimit: 10_000,
};

/**
 * A watchdog for Mustard runs. `start()` is a synchronous native call, so nothing on the
 * main thread can stop a run that takes minutes (its `Array.prototype.sort` does a
 * quadratic number of comparisons). Mustard supports cooperative cancellation through a
 * native token that the wrapper creates when `start()` is given an AbortSignal; the token
 * can be cancelled from any thread. We capture the token id (by wrapping the binding's
 * `createCancellationToken`, which the wrapper calls through the shared module object)
 * and let a worker thread cancel it once the run exceeds its time.
 */
class MustardWatchdog {
  private worker: Worker | null = null;
  /** [0]: sequence number of the run in progress (0 = none); [1]: last sequence the worker cancelled. */
  private shared = new Int32Array(new SharedArrayBuffer(8));
  private seq = 0;
  private armedMs = 0;
  readonly ok: boolean;
  readonly note: string;

  constructor(bindingName: string) {
    let native: { createCancellationToken: () => string };
    let bindingPath: string;
    try {
      bindingPath = require.resolve(bindingName, { paths: [require.resolve('mustardscript')] });
      native = require(bindingPath) as typeof native;
    } catch (error) {
      this.ok = false;
      this.note = `no watchdog (cannot load ${bindingName}: ${String(error)})`;
      return;
    }
    const original = native.createCancellationToken;
    native.createCancellationToken = (...args: []) => {
      const token = original.apply(native, args);
      if (this.armedMs > 0 && this.worker) {
        const seq = ++this.seq;
        Atomics.store(this.shared, 0, seq);
        this.worker.postMessage({ token, seq, ms: this.armedMs });
      }
      return token;
    };
    this.worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const native = require(workerData.bindingPath);
       const shared = workerData.shared;
       parentPort.on('message', ({ token, seq, ms }) => {
         if (Atomics.wait(shared, 0, seq, ms) !== 'timed-out') return;
         Atomics.store(shared, 1, seq);
         try { native.cancelCancellationToken(token); } catch {}
       });`,
      { eval: true, workerData: { bindingPath, shared: this.shared } },
    );
    this.worker.unref();
    this.ok = true;
    this.note = 'per-run timeout via a cancellation watchdog thread';
  }

  /** Runs `fn` (which must call start() with an AbortSignal) under a timeout. */
  guard<T>(timeoutMs: number, fn: () => T): T {
    if (!this.ok) return fn();
    this.armedMs = timeoutMs;
    const before = this.seq;
    try {
      return fn();
    } catch (error) {
      if (this.seq > before && Atomics.load(this.shared, 1) === this.seq) {
        throw new TimeoutError(`cancelled after ${timeoutMs} ms`);
      }
      throw error;
    } finally {
      this.armedMs = 0;
      Atomics.store(this.shared, 0, 0);
      Atomics.notify(this.shared, 0);
    }
  }

  /** Checks that arming works (the wrapper really created a token through our hook). */
  selfTest(run: () => unknown): boolean {
    const before = this.seq;
    this.guard(60_000, run);
    return this.seq > before;
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}

interface MustardCtor {
  new (source: string): { start(options?: { limits: unknown; signal: AbortSignal }): unknown };
}

export function mustardEngine(timeoutMs: number): Engine {
  const version = `MustardScript ${pkgVersion('mustardscript')} (Rust, Node-API addon, in-process)`;
  // mustardscript is installed on demand by bench/ensure-peers.mjs (its lockfile entry
  // cannot be kept: bindings for other platforms are not published), so it is typed here.
  let Mustard: MustardCtor;
  try {
    ({ Mustard } = require('mustardscript') as { Mustard: MustardCtor });
  } catch (error) {
    return unavailableEngine('mustard', 'Mustard', version, `cannot load mustardscript: ${String(error)}`);
  }
  const binding = `@mustardscript/binding-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : process.platform === 'win32' ? '-msvc' : ''}`;
  const watchdog = new MustardWatchdog(binding);
  const signal = new AbortController().signal; // never aborted: only makes the wrapper create a token
  const startOnce = (source: string) => new Mustard(source).start({ limits: MUSTARD_LIMITS, signal });
  const watched = watchdog.ok && watchdog.selfTest(() => startOnce('1'));
  if (!watched) watchdog.close();
  const note = watched ? watchdog.note : `no per-run timeout: ${watchdog.ok ? 'watchdog hook not reached' : watchdog.note}`;
  return {
    id: 'mustard',
    label: 'Mustard',
    version: `${version}; ${note}`,
    prepare(_name, source) {
      return {
        run: () => ({ value: watched ? watchdog.guard(timeoutMs, () => startOnce(source)) : startOnce(source) }),
        dispose() {},
      };
    },
    trivial(source) {
      return new Mustard(source).start();
    },
    trivialNote: 'new Mustard(source).start(): compile, new VM, run',
    close() {
      watchdog.close();
    },
  };
}

export function unavailableEngine(id: EngineId, label: string, version: string, reason: string): Engine {
  return {
    id,
    label,
    version,
    unavailable: reason,
    prepare() {
      throw new Error(reason);
    },
    trivial() {
      throw new Error(reason);
    },
    trivialNote: reason,
    close() {},
  };
}
