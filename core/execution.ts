/**
 * An execution: one run of a program that can stop and be continued. The step-wise host
 * style drives it directly — {@link start} returns an execution whose `outcome` is
 * completed, suspended (host calls to answer) or paused (a time slice ended); `resume`
 * applies answers and continues. `run()`/`runSync()` are loops over the same object.
 */
import { toHost, toHostStrict } from './boundary';
import { answerCall, CapabilitySet, installCapabilities, normalizeCapabilities, type Answer, type CapabilitiesOption, type Capability, type CapabilityDiagnostic } from './capabilities';
import { spanAt, type CompiledProgram } from './chunk';
import { CapabilityError, CapsuleError, LimitError, RuntimeError, SerializationError } from './errors';
import { JSPromise, PromiseState } from './objects';
import { compile } from './program';
import { createVM, runtimeErrorOf, type RunOptions } from './run';
import type { Value } from './value';
import { Cont } from './vm/frame';
import { Stop, type VM } from './vm/interpreter';

/** A capability call waiting for the host. `args` is a structured copy. */
export interface HostCallRequest {
  id: number;
  capability: string;
  args: unknown[];
}

export type Outcome =
  | { status: 'completed'; value: unknown; instructions: number }
  | { status: 'suspended'; calls: HostCallRequest[]; instructions: number }
  | { status: 'paused'; instructions: number; /** Set when a debugger breakpoint stopped the run. */ reason?: 'breakpoint' };

export interface StartOptions extends RunOptions {
  /** Declarations (and, for run(), handlers) of the capabilities the program may call. */
  capabilities?: CapabilitiesOption;
  /** Boundary problems (schema violations, unstructured values) as the host sees them. */
  onDiagnostic?: (d: CapabilityDiagnostic) => void;
  /** Stop with `paused` after this many instructions of one start/resume (a time slice). */
  sliceInstructions?: number;
  /** Do not run anything yet: the outcome is `paused` at the first instruction (debuggers). */
  startPaused?: boolean;
}

export interface ResumeOptions {
  /** Stop with `paused` after this many instructions (default: the start option). */
  sliceInstructions?: number;
}

/** Instructions between checks of time, cancellation and pause requests. */
const CHECK_EVERY = 200_000;
/** Instructions between clock readings within one step (a few hundred µs of guest work). */
const TIME_CHECK_EVERY = 50_000;

const enum Phase {
  /** The script body is running; its completion value will be at stack[0]. */
  Main,
  /** The body finished; queued jobs and host answers drive the rest. */
  Jobs,
  Done,
}

/** Compiles `source` (when it is text) with the capability and input names declared. */
export function programFor(source: string | CompiledProgram, options: StartOptions): CompiledProgram {
  if (typeof source !== 'string') return source;
  const caps = normalizeCapabilities(options.capabilities).map((c) => c.name);
  const inputs = Object.keys(options.inputs ?? {});
  return compile(source, { globals: [...inputs, ...caps], capabilities: caps });
}

export class Execution {
  /** The last outcome (also returned by each start/resume). */
  outcome: Outcome = { status: 'paused', instructions: 0 };
  /** The boundary diagnostics so far. */
  get diagnostics(): readonly CapabilityDiagnostic[] {
    return this.caps.diagnostics;
  }
  private phase = Phase.Main;
  private result: Value = undefined;
  private usedMs = 0;
  private failed: CapsuleError | null = null;
  private pauseRequested = false;
  private cancelled = false;
  /**
   * Set by snapshot restore. A restored state is trusted as far as its MAC: a key holder can
   * still seal an inconsistent one, and a host exception it causes later is reported as a
   * SerializationError (a genuine snapshot continues exactly like the run it was taken from).
   * @internal
   */
  restored = false;
  readonly capabilityList: Capability[];

  /** @internal use {@link start} or the snapshot module's restore. */
  constructor(
    readonly vm: VM,
    readonly program: CompiledProgram,
    readonly seed: number,
    readonly options: StartOptions,
    private readonly caps: CapabilitySet,
  ) {
    this.capabilityList = caps.list;
  }

  /** The calls the host has not answered yet (issued ones only, in id order). */
  get pendingCalls(): HostCallRequest[] {
    return this.vm.host.inflight.map((c) => ({
      id: c.id,
      capability: c.capability,
      args: (c.hostArgs ??= toHostStrict(this.vm, c.args, `${c.capability}() arguments`) as unknown[]),
    }));
  }

  /** Asks a running step to stop with `paused` at the next check (e.g. from a callback). */
  pause(): void {
    this.pauseRequested = true;
  }

  /** Cancels the execution: every later resume throws a LimitError('cancelled'). */
  cancel(): void {
    this.cancelled = true;
  }

  /** True once the program completed or failed. */
  get finished(): boolean {
    return this.phase === Phase.Done || this.failed !== null;
  }

  /**
   * Applies `answers` (any subset of the pending calls, by id) and continues until the
   * program completes, needs more answers, or the slice ends. Throws RuntimeError,
   * LimitError, or CapabilityError (an answer for an unknown id; nothing is applied then).
   */
  resume(answers: readonly Answer[] = [], options: ResumeOptions = {}): Outcome {
    if (this.failed) throw this.failed;
    if (this.phase === Phase.Done) throw new CapabilityError('the execution has already completed');
    if (this.cancelled || this.options.signal?.aborted) {
      this.fail(new LimitError('cancelled', 0, this.vm.instructions, 'the run was cancelled'));
    }
    const vm = this.vm;
    this.checkAnswers(answers);
    try {
      for (const a of answers) answerCall(vm, a);
      this.outcome = this.step(options.sliceInstructions ?? this.options.sliceInstructions);
      return this.outcome;
    } catch (e) {
      if (e instanceof CapsuleError) this.fail(e);
      if (this.restored) this.fail(inconsistentState(e));
      throw e;
    }
  }

  /**
   * Applies answers without running anything (the next resume continues from there).
   * Throws CapabilityError for an unknown or repeated id; nothing is applied then.
   */
  answer(answers: readonly Answer[]): void {
    if (this.failed) throw this.failed;
    const vm = this.vm;
    this.checkAnswers(answers);
    try {
      for (const a of answers) answerCall(vm, a);
    } catch (e) {
      if (this.restored && !(e instanceof CapsuleError)) this.fail(inconsistentState(e));
      throw e;
    }
    this.outcome = { status: 'paused', instructions: vm.instructions };
  }

  /** All answers are checked before any is applied: each for an issued call, none twice. */
  private checkAnswers(answers: readonly Answer[]): void {
    const inflight = this.vm.host.inflight;
    const seen = answers.length > 8 ? new Set<number>() : null;
    for (let i = 0; i < answers.length; i++) {
      const id = answers[i].id;
      let found = false;
      for (let k = 0; k < inflight.length && !found; k++) found = inflight[k].id === id;
      if (!found) throw new CapabilityError(`no outstanding call with id ${id}`);
      if (seen ? seen.has(id) : repeatsEarlier(answers, i)) throw new CapabilityError(`call ${id} is answered twice`);
      seen?.add(id);
    }
  }

  private fail(e: CapsuleError): never {
    this.failed = e;
    if (e instanceof LimitError && !e.location) {
      // The innermost program frame: the statement that crossed the limit.
      const f = this.vm.frame;
      const span = f ? spanAt(f.code, Math.max(0, f.pc - 1)) : undefined;
      if (span) e.location = { line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
    }
    throw e;
  }

  private step(slice: number | undefined): Outcome {
    const vm = this.vm;
    const started = Date.now();
    const timeLimit = vm.limits.timeMs;
    const deadline = started + Math.max(0, timeLimit - this.usedMs);
    vm.deadline = deadline;
    const sliceEnd = slice !== undefined && slice > 0 ? vm.instructions + slice : Infinity;
    // the clock was just read: the next reading is due after TIME_CHECK_EVERY instructions (a
    // clock read costs 50-200 ns, a tenth of a capability call's round trip)
    let nextTimeCheck = vm.instructions + TIME_CHECK_EVERY;
    this.pauseRequested = false;
    try {
      // the time of earlier steps counts, so a run of short steps is stopped too
      if (this.usedMs > timeLimit) {
        throw new LimitError('timeMs', timeLimit, timeLimit, `time limit of ${timeLimit} ms exceeded; raise limits.timeMs`);
      }
      for (;;) {
        // budgets and requests, between slices
        const limit = vm.limits.instructions;
        if (vm.instructions >= limit) throw new LimitError('instructions', limit, vm.instructions);
        if (this.cancelled || this.options.signal?.aborted) throw new LimitError('cancelled', 0, vm.instructions, 'the run was cancelled');
        // the clock is read at the start and then every TIME_CHECK_EVERY instructions
        if (vm.instructions >= nextTimeCheck) {
          if (Date.now() > deadline) {
            throw new LimitError('timeMs', timeLimit, timeLimit, `time limit of ${timeLimit} ms exceeded; raise limits.timeMs`);
          }
          nextTimeCheck = vm.instructions + TIME_CHECK_EVERY;
        }
        if (vm.instructions >= sliceEnd || this.pauseRequested) return { status: 'paused', instructions: vm.instructions };
        vm.stopAt = Math.min(limit, vm.instructions + CHECK_EVERY, sliceEnd);

        if (vm.frames.length === 0) {
          if (this.phase === Phase.Main) {
            this.result = vm.stack[0];
            vm.sp = 0;
            this.phase = Phase.Jobs;
          }
          if (!vm.runJob()) {
            if (vm.host.inflight.length) return this.suspended();
            return this.complete();
          }
          if (vm.uncaught) throw runtimeErrorOf(vm, vm.uncaught.value);
          if (vm.frames.length === 0) continue;
        }
        const stop = vm.run();
        if (vm.uncaught) throw runtimeErrorOf(vm, vm.uncaught.value);
        if (stop === Stop.Suspend) return this.suspended();
        if (stop === Stop.Break) return { status: 'paused', instructions: vm.instructions, reason: 'breakpoint' };
      }
    } finally {
      this.usedMs += Date.now() - started;
    }
  }

  private suspended(): Outcome {
    return { status: 'suspended', calls: this.pendingCalls, instructions: this.vm.instructions };
  }

  private complete(): Outcome {
    const vm = this.vm;
    let result = this.result;
    if (result instanceof JSPromise) {
      if (result.state === PromiseState.Rejected) throw runtimeErrorOf(vm, result.result);
      if (result.state === PromiseState.Pending) {
        throw new RuntimeError('Error', 'the program is waiting on a promise that can never settle', '');
      }
      result = result.result;
    }
    this.phase = Phase.Done;
    return { status: 'completed', value: toHost(vm, result), instructions: vm.instructions };
  }

  /** @internal state the snapshot module saves and restores. */
  get state(): { phase: number; result: Value; usedMs: number } {
    return { phase: this.phase, result: this.result, usedMs: this.usedMs };
  }

  /** @internal */
  setState(s: { phase: number; result: Value; usedMs: number }): void {
    this.phase = s.phase;
    this.result = s.result;
    this.usedMs = s.usedMs;
  }
}

/** The typed error for a host exception raised by a restored (key holder's) inconsistent state; no host stack or path. */
function inconsistentState(e: unknown): SerializationError {
  const message = e instanceof Error ? e.message : String(e);
  return new SerializationError(`corrupt snapshot: the restored state is inconsistent (${message.split('\n')[0].slice(0, 200)})`);
}

/** Prepares a VM with capabilities for `program` (no guest code has run yet). */
export function prepare(program: CompiledProgram, options: StartOptions): { vm: VM; seed: number; caps: CapabilitySet } {
  const list = normalizeCapabilities(options.capabilities);
  const caps = new CapabilitySet(list);
  caps.onDiagnostic = options.onDiagnostic ?? null;
  const { vm, seed } = createVM(options);
  vm.program = program;
  installCapabilities(vm, caps);
  vm.instructions = 0;
  vm.allocations = 0;
  return { vm, seed, caps };
}

/**
 * Starts a program and runs it until it completes, suspends at capability calls that
 * need answers, or (with `sliceInstructions`) pauses. The returned execution's
 * `outcome` says which; continue with `resume`.
 */
export function start(source: string | CompiledProgram, options: StartOptions = {}): Execution {
  const program = programFor(source, options);
  const { vm, seed, caps } = prepare(program, options);
  const exec = new Execution(vm, program, seed, options, caps);
  const main = vm.makeClosure(program.main, null);
  vm.sp = 0;
  vm.stack[vm.sp++] = undefined; // result slot
  vm.sp = 0;
  vm.pushCall(main, vm.realm.globalObject, [], Cont.Normal);
  if (options.startPaused) exec.outcome = { status: 'paused', instructions: 0 };
  else exec.resume();
  return exec;
}

/** True when an answer before index `i` has the same id (few answers: no set). */
function repeatsEarlier(answers: readonly Answer[], i: number): boolean {
  const id = answers[i].id;
  for (let j = 0; j < i; j++) if (answers[j].id === id) return true;
  return false;
}
