/**
 * Running a program to completion: the simplest host style. Creates a VM and realm,
 * binds inputs, runs the script and its jobs in slices (checking time and
 * cancellation between slices), and copies the result out.
 */
import './builtins/index';
import { toGuest, toHost } from './boundary';
import type { CompiledProgram } from './chunk';
import type { Answer, CapabilityHandler } from './capabilities';
import { CapabilityError, CapabilityFailure, LimitError, RuntimeError } from './errors';
import { start, type Execution, type HostCallRequest, type StartOptions } from './execution';
import { inspect } from './inspect';
import { JSError, JSObject } from './objects';
import { Attr } from './shape';
import type { Value } from './value';
import { VM, type Limits } from './vm/interpreter';
import { Realm } from './vm/realm';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface RunOptions {
  /** Read-only global bindings. Structured values only. */
  inputs?: Record<string, unknown>;
  limits?: Partial<Limits>;
  /** Seed of Math.random; a random one is chosen (and reported) when absent. */
  seed?: number;
  /** The clock Date.now() and new Date() read (ms since the epoch). */
  now?: () => number;
  onConsole?: (level: ConsoleLevel, text: string) => void;
  signal?: AbortSignal;
}

export interface RunResult {
  value: unknown;
  instructions: number;
  seed: number;
}

/** Creates a VM with a fresh realm configured from options. */
export function createVM(options: RunOptions = {}): { vm: VM; seed: number } {
  const vm = new VM(options.limits);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
  vm.seedRandom(seed);
  vm.clock = options.now ?? Date.now;
  vm.onConsole = options.onConsole ?? null;
  new Realm(vm);
  vm.instructions = 0;
  vm.allocations = 0;
  vm.liveBytes = 0;
  if (options.inputs) {
    for (const [k, v] of Object.entries(options.inputs)) {
      vm.realm.globalObject.defineOwn(k, toGuest(vm, v, k), Attr.Enumerable);
    }
  }
  return { vm, seed };
}

/** Turns an uncaught guest value into a RuntimeError carrying guest data only. */
export function runtimeErrorOf(vm: VM, value: Value): RuntimeError {
  if (value instanceof JSError || (value instanceof JSObject && value.cls === 1 + 2)) {
    const name = safeString(vm, value, 'name');
    const message = safeString(vm, value, 'message');
    return new RuntimeError(name, message, (value as JSError).stackText ?? '', toHost(vm, value));
  }
  if (value instanceof JSObject) {
    const name = safeString(vm, value, 'name');
    const message = safeString(vm, value, 'message');
    if (name || message) return new RuntimeError(name, message, '', toHost(vm, value), false);
  }
  return new RuntimeError('', `Uncaught ${inspect(vm, value)}`, '', toHost(vm, value), false);
}

function safeString(vm: VM, o: JSObject, key: string): string {
  try {
    const v = vm.get(o, key);
    return typeof v === 'string' ? v : v === undefined ? '' : String(v);
  } catch {
    return '';
  }
}

function handlerOf(exec: Execution, name: string): CapabilityHandler {
  const h = exec.capabilityList.find((c) => c.name === name)?.handler;
  if (!h) throw new CapabilityError(`capability ${name} has no handler: pass one in options.capabilities, or drive the execution with start()/resume()`);
  return h;
}

/** Turns a handler's throw into an answer: only a {@link CapabilityFailure} is shown to the guest as is. */
function failureAnswer(exec: Execution, call: HostCallRequest, e: unknown): Answer {
  if (e instanceof CapabilityFailure) return { id: call.id, error: { name: e.failureName, message: e.message } };
  const message = e instanceof Error ? e.message : String(e);
  exec.vm.capabilities?.report({ capability: call.capability, callId: call.id, direction: 'result', message: `the handler threw: ${message}` });
  return { id: call.id, error: { name: 'Error', message: `capability ${call.capability} failed` } };
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * Runs a program synchronously to completion. Capability handlers must be synchronous
 * here (use `run()` for async ones).
 */
export function runSync(source: string | CompiledProgram, options: StartOptions = {}): RunResult {
  const exec = start(source, options);
  let out = exec.outcome;
  while (out.status !== 'completed') {
    if (out.status === 'paused') {
      out = exec.resume();
      continue;
    }
    const answers: Answer[] = [];
    for (const call of out.calls) {
      let r: unknown;
      try {
        r = handlerOf(exec, call.capability)(...call.args);
      } catch (e) {
        if (e instanceof CapabilityError && !(e instanceof CapabilityFailure)) throw e;
        answers.push(failureAnswer(exec, call, e));
        continue;
      }
      if (isThenable(r)) throw new CapabilityError(`capability ${call.capability} returned a promise: use run() for async capabilities`);
      answers.push({ id: call.id, value: r });
    }
    out = exec.resume(answers);
  }
  return { value: out.value, instructions: out.instructions, seed: exec.seed };
}

/**
 * Runs a program to completion with sync or async capability handlers. Calls are
 * dispatched as soon as the program makes them (up to limits.outstandingHostCalls at
 * once); the program continues when it has what it waits for.
 */
export async function run(source: string | CompiledProgram, options: StartOptions = {}): Promise<RunResult> {
  const exec = start(source, options);
  // Calls are issued in id order (1, 2, 3…; those over the outstanding limit queue in order), and
  // every suspension lists all calls still in flight: the ones above the highest id handed to a
  // handler are new. (A Set of dispatched ids cost a fifth of this loop in delete/rehash.)
  let dispatchedUpTo = 0;
  const ready: Answer[] = [];
  /** Async handlers not yet being watched, and how many are. */
  const unsettled: { call: HostCallRequest; promise: PromiseLike<unknown> }[] = [];
  let watched = 0;
  let wake: (() => void) | null = null;
  const signal = options.signal;
  const onAbort = (): void => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    let out = exec.outcome;
    while (out.status !== 'completed') {
      if (out.status === 'paused') {
        await new Promise((r) => setImmediate(r));
        out = exec.resume();
        continue;
      }
      for (const call of out.calls) {
        if (call.id <= dispatchedUpTo) continue;
        dispatchedUpTo = call.id;
        let r: unknown;
        try {
          r = handlerOf(exec, call.capability)(...call.args);
        } catch (e) {
          if (e instanceof CapabilityError && !(e instanceof CapabilityFailure)) throw e;
          ready.push(failureAnswer(exec, call, e));
          continue;
        }
        if (!isThenable(r)) {
          ready.push({ id: call.id, value: r });
          continue;
        }
        unsettled.push({ call, promise: r });
      }
      if (!ready.length) {
        if (signal?.aborted) throw new LimitError('cancelled', 0, exec.vm.instructions, 'the run was cancelled');
        if (unsettled.length === 1 && !signal && watched === 0) {
          // the common sequential case: await the one handler directly (fewer promise hops)
          const { call, promise } = unsettled.pop()!;
          try {
            ready.push({ id: call.id, value: await promise });
          } catch (e) {
            ready.push(failureAnswer(exec, call, e));
          }
        } else {
          for (const { call, promise } of unsettled.splice(0)) {
            watched++;
            Promise.resolve(promise).then(
              (value) => {
                watched--;
                ready.push({ id: call.id, value });
                wake?.();
              },
              (e) => {
                watched--;
                ready.push(failureAnswer(exec, call, e));
                wake?.();
              },
            );
          }
          if (!ready.length) {
            await new Promise<void>((r) => (wake = r));
            wake = null;
          }
        }
      }
      out = exec.resume(ready.splice(0));
    }
    return { value: out.value, instructions: out.instructions, seed: exec.seed };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
