/**
 * Running a program to completion: the simplest host style. Creates a VM and realm,
 * binds inputs, runs the script and its jobs in slices (checking time and
 * cancellation between slices), and copies the result out.
 */
import './builtins/index';
import { toGuest, toHost } from './boundary';
import type { CompiledProgram } from './chunk';
import { LimitError, RuntimeError } from './errors';
import { inspect } from './inspect';
import { JSError, JSObject, JSPromise, PromiseState } from './objects';
import { compile } from './program';
import { Attr } from './shape';
import type { Value } from './value';
import { Cont } from './vm/frame';
import { Stop, VM, type Limits } from './vm/interpreter';
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

const SLICE = 200_000;

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
    if (name || message) return new RuntimeError(name, message, '', toHost(vm, value));
  }
  return new RuntimeError('', `Uncaught ${inspect(vm, value)}`, '', toHost(vm, value));
}

function safeString(vm: VM, o: JSObject, key: string): string {
  try {
    const v = vm.get(o, key);
    return typeof v === 'string' ? v : v === undefined ? '' : String(v);
  } catch {
    return '';
  }
}

/** Budgets checked between slices: instructions, wall-clock time, cancellation. */
export class SliceGuard {
  private readonly deadline: number;
  constructor(
    private readonly vm: VM,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.deadline = Date.now() + vm.limits.timeMs;
  }
  /** Sets the next slice end; throws when a budget is exhausted. */
  next(): void {
    const vm = this.vm;
    const limit = vm.limits.instructions;
    if (vm.instructions >= limit) throw new LimitError('instructions', limit, vm.instructions);
    if (this.signal?.aborted) throw new LimitError('cancelled', 0, vm.instructions, 'the run was cancelled');
    if (Date.now() > this.deadline) {
      throw new LimitError('timeMs', vm.limits.timeMs, vm.limits.timeMs, `time limit of ${vm.limits.timeMs} ms exceeded; raise limits.timeMs`);
    }
    vm.stopAt = Math.min(limit, vm.instructions + SLICE);
  }
}

/** Runs until the frame stack is empty (one script or job), slice by slice. */
function runFrames(vm: VM, guard: SliceGuard): void {
  for (;;) {
    guard.next();
    const stop = vm.run();
    if (vm.uncaught) return;
    if (stop === Stop.Slice) continue;
    if (vm.frames.length === 0) return;
  }
}

/** Runs the VM's queued jobs until none are left. */
export function drive(vm: VM, guard: SliceGuard): void {
  for (;;) {
    if (vm.frames.length === 0 && !vm.runJob()) return;
    runFrames(vm, guard);
    if (vm.uncaught) return;
  }
}

/** Runs a program synchronously to completion. */
export function runSync(source: string | CompiledProgram, options: RunOptions = {}): RunResult {
  const program =
    typeof source === 'string' ? compile(source, { globals: Object.keys(options.inputs ?? {}) }) : source;
  const { vm, seed } = createVM(options);
  vm.program = program;
  const main = vm.makeClosure(program.main, null);
  vm.sp = 0;
  vm.stack[vm.sp++] = undefined; // result slot
  vm.sp = 0;
  vm.pushCall(main, vm.realm.globalObject, [], Cont.Normal);
  const guard = new SliceGuard(vm, options.signal);
  // the script body first, keeping its completion value; then the jobs it queued
  runFrames(vm, guard);
  if (vm.uncaught) throw runtimeErrorOf(vm, vm.uncaught.value);
  let result: Value = vm.stack[0];
  vm.sp = 0;
  drive(vm, guard);
  const uncaught = vm.uncaught as { value: Value } | null;
  if (uncaught) throw runtimeErrorOf(vm, uncaught.value);
  if (result instanceof JSPromise) {
    if (result.state === PromiseState.Rejected) throw runtimeErrorOf(vm, result.result);
    if (result.state === PromiseState.Pending) {
      throw new RuntimeError('Error', 'the program is waiting on a promise that can never settle', '');
    }
    result = result.result;
  }
  return { value: toHost(vm, result), instructions: vm.instructions, seed };
}

/** Runs a program to completion (async host style). */
export async function run(source: string | CompiledProgram, options: RunOptions = {}): Promise<RunResult> {
  return runSync(source, options);
}
