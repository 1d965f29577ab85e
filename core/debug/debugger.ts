/**
 * The debugger engine: breakpoints, stepping and inspection on an {@link Execution}.
 *
 * Breakpoints cost nothing until hit: a breakpoint is a `Break` instruction patched over
 * the first instruction of a statement (the original is kept here and executed when the
 * run continues past it). Stepping runs single instructions until the next statement
 * start in the right activation; to step over a call or an `await` it patches a
 * temporary Break where the activation continues and runs at full speed until then, so
 * stepping over an awaited capability call works across the suspension and the host's
 * answer. The debugger patches the code of the program it is attached to: give a debug
 * session its own compiled program.
 */
import { spanAt, FnFlags, type FunctionCode } from '../chunk';
import { disassembleFunction, listFunction, type FunctionListing } from '../disasm';
import type { Execution, Outcome } from '../execution';
import type { Answer } from '../capabilities';
import { inspect } from '../inspect';
import { Accessor, Env, GenState, JSArray, JSObject, type JSGenerator, type JSPromise, SavedFrame } from '../objects';
import { Op, OPERANDS } from '../opcodes';
import { compile } from '../program';
import { runSync } from '../run';
import { toHost } from '../boundary';
import { HOLE, Marker, PrivateName, type Value } from '../value';
import { Cont, type Frame } from '../vm/frame';
import { BREAK_AFTER_CALL_CODE } from '../vm/hostcalls';
import { keyText } from '../vm/interpreter';
import { CapabilityError } from '../errors';
import { restore, snapshot } from '../snapshot/index';
import { BUILTIN_GLOBALS } from '../globals';

export interface BreakpointSpec {
  line: number;
  /** 1-based column: the first statement starting at or after it on that line. */
  column?: number;
  /** An expression evaluated in the paused frame (on copies: it cannot change the program). */
  condition?: string;
  /** Stop only from the Nth hit on. */
  hitCount?: number;
  /** A logpoint: instead of stopping, `{expr}` parts are evaluated and the text is logged. */
  logMessage?: string;
}

export interface BreakpointInfo {
  id: number;
  /** Where it was placed: the requested line, or the next line with code. */
  line: number;
  column: number;
  /** True when the requested line had no code and the breakpoint moved. */
  moved: boolean;
  verified: boolean;
  message?: string;
}

export interface StackFrame {
  /** 0 = the innermost frame. */
  index: number;
  name: string;
  line: number;
  column: number;
  pc: number;
  functionIndex: number;
  /** A built-in written in JavaScript (prelude) rather than program code. */
  builtin: boolean;
  /** Resumed by an await (its callers are not on the stack). */
  asyncResumed: boolean;
  /** Not on the VM stack: an async function awaiting the frame above it. */
  asyncCaller?: boolean;
}

export interface VariableView {
  name: string;
  type: string;
  preview: string;
  /** For objects: the id to expand with `properties(id)`. */
  objectId?: number;
}

export interface ScopeView {
  kind: 'block' | 'local' | 'closure' | 'global' | 'inputs' | 'capabilities';
  variables: VariableView[];
}

/** A function's listing as the debugger shows it: the code as compiled, and where user breakpoints are. */
export interface DisassemblyView extends FunctionListing {
  /** pcs of the instructions a user breakpoint is set on. */
  breakpoints: number[];
}

export type PauseReason = 'breakpoint' | 'step' | 'pause' | 'entry' | 'exception' | 'capability' | 'resume' | 'debugger';

export type DebugOutcome =
  | {
      status: 'paused';
      reason: PauseReason;
      breakpoints?: number[];
      instructions: number;
      line?: number;
      column?: number;
      /** reason 'exception': the value being thrown. */
      exception?: VariableView;
      /** reason 'capability': the call just made. */
      call?: { id: number; capability: string; args: unknown[] };
    }
  | Exclude<Outcome, { status: 'paused' }>;

interface TimeTravel {
  every: number;
  max: number;
  key: string;
  checkpoints: { instructions: number; bytes: Uint8Array; answers: number; clock: number }[];
  /** Answers in the order they were applied, with the instruction count at that moment. */
  answers: { instructions: number; answers: Answer[] }[];
  clock: number[];
  clockPos: number;
  liveClock: () => number;
  /** Next recorded answer to apply while re-executing. */
  replay: number;
}

interface Breakpoint {
  info: BreakpointInfo;
  spec: BreakpointSpec;
  sites: { fn: FunctionCode; pc: number }[];
  hits: number;
  temporary: boolean;
}

type Activation = Frame | JSGenerator;

/** The activation of a step begun while no frame was running (never matches a real frame). */
const NO_ACTIVATION = {} as Frame;

/** What a step is waiting for, kept across suspensions. */
interface StepState {
  kind: 'into' | 'over' | 'out';
  activation: Activation;
  startFrame: Frame;
  startPc: number;
  /** The caller frame the activation returns to (sync calls), if any. */
  returnTo: Frame | null;
}

export class Debugger {
  private readonly patches = new Map<FunctionCode, Map<number, number>>();
  private readonly breakpoints = new Map<number, Breakpoint>();
  private nextId = 1;
  private stepState: StepState | null = null;

  /** The step in progress (null: none). */
  private get step(): StepState | null {
    return this.stepState;
  }

  /**
   * Finished frames are reused (the VM's frame pool) except while a step is in progress: a
   * step tells activations apart by frame identity, so a frame that returns during a step must
   * not come back as another call's. Without a step, nothing keeps a frame past its return.
   */
  private set step(s: StepState | null) {
    this.stepState = s;
    this.vm.poolFrames = s === null;
  }
  private temp: { fn: FunctionCode; pc: number }[] = [];
  /** `debugger;` statements patched to stop (see {@link pauseOnDebuggerStatements}). */
  private statementSites: { fn: FunctionCode; pc: number }[] = [];
  private statementsOn = false;
  /** Log lines produced by logpoints. */
  readonly logs: string[] = [];
  onLog: ((text: string) => void) | null = null;

  /** The execution being debugged (replaced by a restored one when travelling back in time). */
  exec: Execution;
  /** Stop at throws: none, only those no try block on the stack will catch, or all. */
  breakOnExceptions: 'none' | 'uncaught' | 'all' = 'none';
  /** Stop right after a capability call is made: any, some by name, or none. */
  breakOnCapability: boolean | readonly string[] = false;
  /** Stop as soon as answers are applied, before any guest code runs. */
  breakOnResume = false;

  constructor(exec: Execution) {
    this.exec = exec;
    this.installHooks();
  }

  /** The VM hooks behind the exception and capability stops (reinstalled on a restored VM). */
  private installHooks(): void {
    const vm = this.vm;
    // steps tell activations apart by frame identity: no reuse of frames that finish during one
    vm.poolFrames = this.stepState === null;
    // breakpoints are patched into FunctionCode.code: run it, not the fused copies
    vm.fuseCode = false;
    vm.onThrow = () => {
      if (this.breakOnExceptions === 'none') return false;
      if (this.breakOnExceptions === 'all') return true;
      // uncaught: no try block, and no promise job that turns the throw into a rejection
      const caught = this.vm.frames.some((f) => f.tryStack.length > 0 || f.cont === Cont.Reaction || f.cont === Cont.Executor || f.cont === Cont.Thenable);
      return !caught;
    };
    vm.onCapabilityCall = (name) => this.breakOnCapability === true || (Array.isArray(this.breakOnCapability) && this.breakOnCapability.includes(name));
  }

  private get vm() {
    return this.exec.vm;
  }

  // ---- breakpoints ---------------------------------------------------------------------

  /** Places a line breakpoint; a line without code moves it to the next line with code. */
  setBreakpoint(spec: BreakpointSpec): BreakpointInfo {
    const sites = this.sitesFor(spec.line, spec.column);
    const id = this.nextId++;
    if (!sites.length) {
      const info: BreakpointInfo = { id, line: spec.line, column: spec.column ?? 1, moved: false, verified: false, message: 'no code on or after this line' };
      this.breakpoints.set(id, { info, spec, sites: [], hits: 0, temporary: false });
      return info;
    }
    const span = spanAt(sites[0].fn, sites[0].pc)!;
    const moved = span.line !== spec.line;
    const info: BreakpointInfo = {
      id,
      line: span.line,
      column: span.column,
      moved,
      verified: true,
      ...(moved ? { message: `moved from line ${spec.line} to line ${span.line}, the next line with code` } : {}),
    };
    this.breakpoints.set(id, { info, spec, sites, hits: 0, temporary: false });
    for (const s of sites) this.patch(s.fn, s.pc);
    return info;
  }

  /** A breakpoint on a bytecode offset (function index, pc of an instruction). */
  setInstructionBreakpoint(functionIndex: number, pc: number, spec: Omit<BreakpointSpec, 'line' | 'column'> = {}): BreakpointInfo {
    const fn = this.exec.program.functions[functionIndex];
    if (!fn) throw new CapabilityError(`no function #${functionIndex}`);
    if (!this.instructionStarts(fn).has(pc)) throw new CapabilityError(`pc ${pc} is not the start of an instruction of function #${functionIndex}`);
    const span = spanAt(fn, pc);
    const id = this.nextId++;
    const info: BreakpointInfo = { id, line: span?.line ?? 0, column: span?.column ?? 0, moved: false, verified: true };
    this.breakpoints.set(id, { info, spec: { line: info.line, ...spec }, sites: [{ fn, pc }], hits: 0, temporary: false });
    this.patch(fn, pc);
    return info;
  }

  removeBreakpoint(id: number): void {
    const bp = this.breakpoints.get(id);
    if (!bp) return;
    this.breakpoints.delete(id);
    for (const s of bp.sites) this.unpatchIfUnused(s.fn, s.pc);
  }

  /**
   * Stops at `debugger;` statements (reason 'debugger'), as a browser does with DevTools open.
   * Off by default: like a breakpoint it patches the program's code, so only a debug session's
   * own program should have it (an inspection-only debugger must leave shared code alone).
   */
  get pauseOnDebuggerStatements(): boolean {
    return this.statementsOn;
  }

  set pauseOnDebuggerStatements(on: boolean) {
    if (on === this.statementsOn) return;
    this.statementsOn = on;
    if (!on) {
      const sites = this.statementSites;
      this.statementSites = [];
      for (const s of sites) this.unpatchIfUnused(s.fn, s.pc);
      return;
    }
    for (const fn of this.exec.program.functions) {
      const code = this.originalCode(fn);
      for (const pc of this.instructionStarts(fn)) if (code[pc] === Op.Debugger) this.statementSites.push({ fn, pc });
    }
    for (const s of this.statementSites) this.patch(s.fn, s.pc);
  }

  private isDebuggerStatement(fn: FunctionCode, pc: number): boolean {
    return this.statementSites.some((s) => s.fn === fn && s.pc === pc);
  }

  get breakpointList(): BreakpointInfo[] {
    return [...this.breakpoints.values()].filter((b) => !b.temporary).map((b) => b.info);
  }

  private instructionStarts(fn: FunctionCode): Set<number> {
    const out = new Set<number>();
    const code = this.originalCode(fn);
    for (let pc = 0; pc < code.length; pc += 1 + (OPERANDS[code[pc]] ?? 0)) out.add(pc);
    return out;
  }

  /** Statement starts on `line` (or the next line with code), at or after `column`. */
  private sitesFor(line: number, column?: number): { fn: FunctionCode; pc: number }[] {
    const all: { fn: FunctionCode; pc: number; line: number; column: number }[] = [];
    for (const fn of this.exec.program.functions) {
      for (const pc of fn.stmtStarts) {
        const s = spanAt(fn, pc);
        if (s) all.push({ fn, pc, line: s.line, column: s.column });
      }
    }
    const eligible = all.filter((s) => s.line > line || (s.line === line && (column === undefined || s.column >= column)));
    if (!eligible.length) return [];
    const target = Math.min(...eligible.map((s) => s.line));
    const onLine = eligible.filter((s) => s.line === target);
    const col = Math.min(...onLine.map((s) => s.column));
    return onLine.filter((s) => s.column === col).map(({ fn, pc }) => ({ fn, pc }));
  }

  private patch(fn: FunctionCode, pc: number): void {
    let m = this.patches.get(fn);
    if (!m) this.patches.set(fn, (m = new Map()));
    if (!m.has(pc)) {
      m.set(pc, fn.code[pc]);
      fn.code[pc] = Op.Break;
    }
  }

  private unpatchIfUnused(fn: FunctionCode, pc: number): void {
    for (const b of this.breakpoints.values()) if (b.sites.some((s) => s.fn === fn && s.pc === pc)) return;
    if (this.temp.some((s) => s.fn === fn && s.pc === pc)) return;
    if (this.isDebuggerStatement(fn, pc)) return;
    const m = this.patches.get(fn);
    const orig = m?.get(pc);
    if (orig === undefined) return;
    fn.code[pc] = orig;
    m!.delete(pc);
  }

  /** The code as compiled (breakpoints removed), for disassembly. */
  originalCode(fn: FunctionCode): Int32Array {
    const m = this.patches.get(fn);
    if (!m || !m.size) return fn.code;
    const copy = fn.code.slice();
    for (const [pc, op] of m) copy[pc] = op;
    return copy;
  }

  /** Removes every patch (the program's code is as compiled again). */
  detach(): void {
    for (const [fn, m] of this.patches) for (const [pc, op] of m) fn.code[pc] = op;
    this.patches.clear();
    this.breakpoints.clear();
    this.temp = [];
    this.statementSites = [];
    this.statementsOn = false;
  }

  // ---- execution control -----------------------------------------------------------------

  /**
   * Continues (answering pending calls) until a breakpoint, a suspension or the end —
   * or, with `maxInstructions`, pauses (reason 'pause') after that many instructions so a
   * host can stay responsive and call it again.
   */
  continue(answers: readonly Answer[] = [], options: { maxInstructions?: number } = {}): DebugOutcome {
    if (this.step) return this.stepping(answers);
    return this.runFree(answers, true, undefined, options.maxInstructions);
  }

  stepInto(answers: readonly Answer[] = []): DebugOutcome {
    return this.beginStep('into', answers);
  }

  stepOver(answers: readonly Answer[] = []): DebugOutcome {
    return this.beginStep('over', answers);
  }

  stepOut(answers: readonly Answer[] = []): DebugOutcome {
    return this.beginStep('out', answers);
  }

  /** Executes exactly one bytecode instruction. */
  stepInstruction(answers: readonly Answer[] = []): DebugOutcome {
    this.step = null;
    const out = this.single(answers);
    return out.status === 'paused' ? this.paused('step') : out;
  }

  /** Runs to the first statement on `line` (or the next line with code). */
  runTo(line: number, column?: number): DebugOutcome {
    const sites = this.sitesFor(line, column);
    const id = this.nextId++;
    this.breakpoints.set(id, { info: { id, line, column: column ?? 1, moved: false, verified: true }, spec: { line }, sites, hits: 0, temporary: true });
    for (const s of sites) this.patch(s.fn, s.pc);
    try {
      const out = this.continue();
      if (out.status === 'paused' && out.breakpoints?.includes(id)) return { ...out, reason: 'step', breakpoints: out.breakpoints.filter((b) => b !== id) };
      return out;
    } finally {
      this.breakpoints.delete(id);
      for (const s of sites) this.unpatchIfUnused(s.fn, s.pc);
    }
  }

  /** Asks a running step to pause (from a callback such as the console). */
  pause(): void {
    this.exec.pause();
  }

  private beginStep(kind: StepState['kind'], answers: readonly Answer[]): DebugOutcome {
    const f = this.vm.frame;
    if (!f) {
      // suspended with no frame running (everything awaits the host): a step begun before the
      // suspension goes on; otherwise stop at the first statement that runs after the answers
      if (this.step) return this.stepping(answers);
      this.step = { kind: 'into', activation: NO_ACTIVATION, startFrame: NO_ACTIVATION, startPc: -1, returnTo: null };
      return this.stepping(answers);
    }
    const frames = this.vm.frames;
    const caller = frames.length > 1 && f.gen === null ? frames[frames.length - 2] : null;
    this.step = { kind, activation: f.gen ?? f, startFrame: f, startPc: f.pc, returnTo: caller && !(caller.code.flags & FnFlags.Builtin) ? caller : null };
    return this.stepping(answers);
  }

  /** Is the step's target reached at the current top frame? */
  private atTarget(s: StepState): boolean {
    const f = this.vm.frame;
    if (!f || f.code.flags & FnFlags.Builtin) return false;
    if (f === s.startFrame && f.pc === s.startPc) return false;
    const alive = this.alive(s.activation);
    // back in a caller after the activation returned: stop at the call site, as V8 does
    if (!alive && s.returnTo !== null && f === s.returnTo) return true;
    if (!this.isStatementStart(f.code, f.pc)) return false;
    if (s.kind === 'into') return true;
    if (s.kind === 'over') return !alive || (f.gen ?? f) === s.activation;
    return !alive;
  }

  private isStatementStart(fn: FunctionCode, pc: number): boolean {
    const t = fn.stmtStarts;
    let lo = 0;
    let hi = t.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid] === pc) return true;
      if (t[mid] < pc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  private alive(a: Activation): boolean {
    if (a instanceof JSObject) return (a as JSGenerator).state !== GenState.Completed && (a as JSGenerator).state !== GenState.AwaitingReturn;
    return this.vm.frames.includes(a);
  }

  /** Where the step's activation continues, when it is not on top: run there at full speed. */
  private resumePoint(s: StepState): { fn: FunctionCode; pc: number } | null {
    const frames = this.vm.frames;
    const top = this.vm.frame;
    if (!top) return null;
    if (s.kind === 'into') return null;
    if (s.kind === 'over') {
      if ((top.gen ?? top) === s.activation || !this.alive(s.activation)) return null;
      for (let i = frames.length - 1; i >= 0; i--) {
        const f = frames[i];
        if ((f.gen ?? f) === s.activation) return { fn: f.code, pc: f.pc };
      }
      const gen = s.activation instanceof JSObject ? (s.activation as JSGenerator) : null;
      const saved = gen?.frame as SavedFrame | null | undefined;
      if (saved) return { fn: saved.fn.code, pc: saved.pc };
      return null;
    }
    // out: the caller's continuation, when the activation has one on the stack
    for (let i = frames.length - 1; i > 0; i--) {
      const f = frames[i];
      if ((f.gen ?? f) === s.activation) return { fn: frames[i - 1].code, pc: frames[i - 1].pc };
    }
    return null;
  }

  private stepping(answers: readonly Answer[]): DebugOutcome {
    const s = this.step!;
    let pending = answers;
    for (let guard = 0; ; guard++) {
      if (guard > 0 && this.atTarget(s)) {
        this.step = null;
        return this.paused('step');
      }
      const target = guard > 0 ? this.resumePoint(s) : null;
      let out: DebugOutcome;
      if (target) {
        this.temp.push(target);
        this.patch(target.fn, target.pc);
        try {
          out = this.runFree(pending, false, target);
        } finally {
          this.temp.pop();
          this.unpatchIfUnused(target.fn, target.pc);
        }
      } else out = this.single(pending);
      pending = [];
      if (out.status === 'paused' && out.reason !== 'step') {
        this.step = null; // a breakpoint, an exception or a capability stop ends the step
        return out;
      }
      if (out.status !== 'paused') return out; // suspended (the step continues after the answer) or done
    }
  }

  /**
   * Runs at full speed. Stops at user breakpoints whose condition and hit count say so
   * (logpoints log and go on), and at `until` (a temporary break) when reached in any frame.
   */
  private runFree(answers: readonly Answer[], clearStep: boolean, until?: { fn: FunctionCode; pc: number }, maxInstructions?: number): DebugOutcome {
    const end = maxInstructions !== undefined ? this.vm.instructions + maxInstructions : Infinity;
    if (clearStep) this.step = null;
    let pending = answers;
    for (;;) {
      // standing on a Break: execute the instruction it covers first
      const first = this.passBreak(pending);
      if (first) {
        pending = [];
        if (first.status !== 'paused') return first;
        if (until && this.at(until)) return this.paused('step');
        const hit = this.hitAtTop();
        if (hit) return hit;
      }
      if (pending.length && this.breakOnResume) {
        this.exec.answer(pending);
        this.travel?.answers.push({ instructions: this.vm.instructions, answers: [...pending] });
        return this.paused('resume');
      }
      const out = this.resumeExec(pending, end === Infinity ? 0 : Math.max(1, end - this.vm.instructions));
      // the answers are applied: going on past a breakpoint that does not stop must not apply them again
      pending = [];
      if (out.status !== 'paused') return out;
      if (out.reason !== 'breakpoint') return this.paused('pause');
      const special = this.specialStop();
      if (special) return special;
      if (until && this.at(until)) return this.paused('step');
      const hit = this.hitAtTop();
      if (hit) return hit;
    }
  }

  /** A stop at a throw or right after a capability call, if that is what stopped the run. */
  private specialStop(): DebugOutcome | null {
    const vm = this.vm;
    if (vm.pendingThrow) {
      const v = vm.pendingThrow.value;
      return { ...(this.paused('exception') as Extract<DebugOutcome, { status: 'paused' }>), exception: this.view('exception', v) };
    }
    const f = vm.frame;
    if (f && f.code === BREAK_AFTER_CALL_CODE) {
      // report where the call was made: the caller's position
      f.pc++; // past the Break: continuing returns the promise to the call site
      const call = vm.host.inflight[vm.host.inflight.length - 1] ?? vm.host.queued[vm.host.queued.length - 1];
      return {
        ...(this.paused('capability') as Extract<DebugOutcome, { status: 'paused' }>),
        ...(call ? { call: { id: call.id, capability: call.capability, args: call.hostArgs ?? [] } } : {}),
      };
    }
    return null;
  }

  private at(site: { fn: FunctionCode; pc: number }): boolean {
    const f = this.vm.frame;
    return f !== null && f.code === site.fn && f.pc === site.pc;
  }

  /** Evaluates the user breakpoints at the top frame's pc; returns a pause if one stops. */
  private hitAtTop(): DebugOutcome | null {
    const f = this.vm.frame;
    if (!f || f.code.code[f.pc] !== Op.Break) return null;
    const ids: number[] = [];
    for (const bp of this.breakpoints.values()) {
      if (!bp.sites.some((s) => s.fn === f.code && s.pc === f.pc)) continue;
      if (bp.spec.condition) {
        let ok = false;
        try {
          ok = Boolean(this.evaluate(bp.spec.condition, 0).value);
        } catch {
          ok = true; // a condition that fails stops, so the user sees why
        }
        if (!ok) continue;
      }
      bp.hits++;
      if (bp.spec.hitCount && bp.hits < bp.spec.hitCount) continue;
      if (bp.spec.logMessage !== undefined) {
        const text = bp.spec.logMessage.replace(/\{([^}]+)\}/g, (_m, expr: string) => {
          try {
            const r = this.evaluate(expr, 0);
            return r.preview;
          } catch (e) {
            return `<${(e as Error).message}>`;
          }
        });
        this.logs.push(text);
        this.onLog?.(text);
        continue;
      }
      ids.push(bp.info.id);
    }
    if (ids.length) return this.paused('breakpoint', ids);
    return this.isDebuggerStatement(f.code, f.pc) ? this.paused('debugger') : null;
  }

  /** If the top frame stands on a patched Break, executes the original instruction; null otherwise. */
  private passBreak(answers: readonly Answer[]): DebugOutcome | null {
    const f = this.vm.frame;
    if (!f || f.code.code[f.pc] !== Op.Break) return null;
    const fn = f.code;
    const pc = f.pc;
    const orig = this.patches.get(fn)?.get(pc);
    if (orig === undefined) {
      // a Break that is part of synthetic code: step past it
      f.pc++;
      return this.paused('step');
    }
    fn.code[pc] = orig;
    try {
      const out = this.resumeExec(answers, 1);
      return out.status === 'paused' ? this.paused('step') : out;
    } finally {
      if (this.patches.get(fn)?.get(pc) !== undefined) fn.code[pc] = Op.Break;
    }
  }

  /** One instruction (past a breakpoint if standing on one). */
  private single(answers: readonly Answer[]): DebugOutcome {
    const f = this.vm.frame;
    if (f && f.code.code[f.pc] === Op.Break) return this.passBreak(answers)!;
    const out = this.resumeExec(answers, 1);
    if (out.status !== 'paused') return out;
    if (out.reason === 'breakpoint') return this.specialStop() ?? this.hitAtTop() ?? this.paused('step');
    // the step may land on a patched instruction without reaching it (a call enters a function
    // whose first statement has a breakpoint): it stops there, or a step over that call would
    // pass it by (the next run executes the instruction under a Break before it looks)
    return this.hitAtTop() ?? this.paused('step');
  }

  private paused(reason: PauseReason, breakpoints?: number[]): DebugOutcome {
    const f = this.vm.frame;
    // at a throw the pc is already past the throwing instruction
    const span = f ? spanAt(f.code, this.vm.pendingThrow ? Math.max(0, f.pc - 1) : f.pc) : undefined;
    return {
      status: 'paused',
      reason,
      instructions: this.vm.instructions,
      ...(breakpoints ? { breakpoints } : {}),
      ...(span ? { line: span.line, column: span.column } : {}),
    };
  }

  // ---- time travel ---------------------------------------------------------------------------

  private travel: TimeTravel | null = null;

  /**
   * Records the run so it can be stepped backwards: a checkpoint (snapshot) every
   * `checkpointEvery` instructions — at most `maxCheckpoints`, older ones thinned out —
   * plus every nondeterministic input: the host's answers (with the instruction count
   * at which they were applied) and clock readings. The seed is in the snapshots.
   * Call before the first step.
   */
  enableTimeTravel(options: { checkpointEvery?: number; maxCheckpoints?: number } = {}): void {
    const vm = this.vm;
    const live = vm.clock;
    const t: TimeTravel = {
      every: options.checkpointEvery ?? 200_000,
      max: options.maxCheckpoints ?? 64,
      key: `tt-${Math.random().toString(36).slice(2)}-${Date.now()}`,
      checkpoints: [],
      answers: [],
      clock: [],
      clockPos: 0,
      liveClock: live,
      replay: 0,
    };
    this.travel = t;
    vm.clock = this.clockFor(t);
    this.checkpoint();
  }

  /** A clock that replays recorded readings, then records live ones. */
  private clockFor(t: TimeTravel): () => number {
    return () => {
      if (t.clockPos < t.clock.length) return t.clock[t.clockPos++];
      const v = t.liveClock();
      t.clock.push(v);
      t.clockPos++;
      return v;
    };
  }

  private checkpoint(): void {
    const t = this.travel!;
    if (this.exec.finished) return;
    const at = this.vm.instructions;
    if (t.checkpoints.length && t.checkpoints[t.checkpoints.length - 1].instructions === at) return;
    const bytes = snapshot(this.exec, t.key);
    t.checkpoints.push({ instructions: at, bytes, answers: t.answers.length, clock: t.clockPos });
    if (t.checkpoints.length > t.max) {
      // keep the first and every other one after it: memory stays bounded, spacing doubles
      t.checkpoints = t.checkpoints.filter((_, i) => i === 0 || i % 2 === 1 || i === t.checkpoints.length - 1);
    }
  }

  /** Every resume goes through here: answers are recorded, checkpoints taken on the way. */
  private resumeExec(answers: readonly Answer[], slice: number): Outcome {
    const t = this.travel;
    if (!t) return this.exec.resume(answers, { sliceInstructions: slice });
    if (answers.length) t.answers.push({ instructions: this.vm.instructions, answers: [...answers] });
    let pending = answers;
    const end = slice > 0 ? this.vm.instructions + slice : Infinity;
    for (;;) {
      const last = t.checkpoints.length ? t.checkpoints[t.checkpoints.length - 1].instructions : 0;
      const nextCheckpoint = last + t.every;
      const stopAt = Math.min(end, nextCheckpoint);
      const out = this.exec.resume(pending, { sliceInstructions: stopAt === Infinity ? 0 : Math.max(1, stopAt - this.vm.instructions) });
      pending = [];
      if (out.status !== 'paused' || out.reason === 'breakpoint') return out;
      if (this.vm.instructions >= nextCheckpoint) this.checkpoint();
      if (this.vm.instructions >= end) return out;
    }
  }

  /** Where the run is, in instructions since its start. */
  get position(): number {
    return this.vm.instructions;
  }

  private requireTravel(): TimeTravel {
    if (!this.travel) throw new CapabilityError('time travel is not enabled: call enableTimeTravel() before running');
    return this.travel;
  }

  /** Restores the last checkpoint at or before `instructions`; replay continues from its inputs. */
  private restoreBefore(instructions: number): void {
    const t = this.requireTravel();
    let cp = t.checkpoints[0];
    for (const c of t.checkpoints) if (c.instructions <= instructions) cp = c;
    t.clockPos = cp.clock;
    t.replay = cp.answers;
    this.exec = restore(this.exec.program, cp.bytes, { ...this.exec.options, key: t.key, now: this.clockFor(t) });
    this.installHooks();
  }

  /**
   * Re-executes towards `limit` with the recorded answers, stopping at the next Break
   * (a breakpoint or a statement start patched for a search) or at `limit`. Returns
   * false when it cannot go on (limit reached, or the run ended).
   */
  private advance(limit: number): boolean {
    const t = this.travel!;
    const vm = this.vm;
    if (vm.instructions >= limit) return false;
    const pending: Answer[] = [];
    while (t.replay < t.answers.length && t.answers[t.replay].instructions === vm.instructions) pending.push(...t.answers[t.replay++].answers);
    const next = t.replay < t.answers.length ? t.answers[t.replay].instructions : Infinity;
    const target = Math.min(limit, next);
    const before = vm.instructions;
    const f = vm.frame;
    let out: Outcome;
    if (f && f.code.code[f.pc] === Op.Break) {
      const fn = f.code;
      const pc = f.pc;
      const orig = this.patches.get(fn)?.get(pc);
      if (orig === undefined) {
        f.pc++;
        return true;
      }
      fn.code[pc] = orig;
      try {
        out = this.exec.resume(pending, { sliceInstructions: 1 });
      } finally {
        if (this.patches.get(fn)?.get(pc) !== undefined) fn.code[pc] = Op.Break;
      }
    } else out = this.exec.resume(pending, { sliceInstructions: Math.max(1, target - before) });
    if (out.status === 'completed') return false;
    return vm.instructions > before || pending.length > 0;
  }

  /**
   * Goes to the state the run had after exactly `instructions` instructions (at most the
   * current position): restores the nearest checkpoint before it and re-executes with the
   * recorded answers and clock readings — the same state forward execution had there.
   * Going on from there is a new future: later recorded inputs are dropped and the host is
   * asked again.
   */
  jumpTo(instructions: number): DebugOutcome {
    const t = this.requireTravel();
    if (instructions > this.vm.instructions) throw new CapabilityError('jumpTo goes backwards only; step or continue to go forwards');
    this.step = null;
    this.restoreBefore(instructions);
    while (this.advance(instructions));
    // the future after this point is unwritten again
    t.answers.length = t.replay;
    t.clock.length = t.clockPos;
    t.checkpoints = t.checkpoints.filter((c) => c.instructions <= this.vm.instructions);
    return this.paused('step');
  }

  /** True when the top frame stands at the start of a program statement (a step-back target). */
  atStatementStart(): boolean {
    const f = this.vm.frame;
    return f !== null && !(f.code.flags & FnFlags.Builtin) && this.isStatementStart(f.code, f.pc);
  }

  /** Steps back one instruction. */
  stepBackInstruction(): DebugOutcome {
    return this.jumpTo(Math.max(0, this.vm.instructions - 1));
  }

  /**
   * Steps back to the previous statement start in program code. (Forward stepping also
   * stops at a call site when a function returns; stepping back goes by statements.)
   */
  stepBack(): DebugOutcome {
    const here = this.vm.instructions;
    const prev = this.positionsBefore(here, false);
    return this.jumpTo(prev ?? 0);
  }

  /** Runs backwards to the previous breakpoint hit (or the start of the run). */
  reverseContinue(): DebugOutcome {
    const here = this.vm.instructions;
    const prev = this.positionsBefore(here, true);
    const out = this.jumpTo(prev ?? 0);
    if (prev === undefined || out.status !== 'paused') return out;
    const f = this.vm.frame;
    return { ...out, reason: f && this.isDebuggerStatement(f.code, f.pc) && !this.userBreakAtOnly(f.code, f.pc) ? 'debugger' : 'breakpoint' };
  }

  /**
   * The last instruction count before `before` at which a program statement started (or a
   * user breakpoint was hit), found by re-executing from checkpoints — latest segment
   * first — with every statement start patched.
   */
  private positionsBefore(before: number, breakpointsOnly: boolean): number | undefined {
    const t = this.requireTravel();
    const added: { fn: FunctionCode; pc: number }[] = [];
    if (!breakpointsOnly) {
      for (const fn of this.exec.program.functions) {
        for (const pc of fn.stmtStarts) if (!this.patches.get(fn)?.has(pc)) added.push({ fn, pc });
      }
      this.temp.push(...added);
      for (const a of added) this.patch(a.fn, a.pc);
    }
    try {
      const points = t.checkpoints.map((c) => c.instructions).filter((i) => i < before);
      for (let k = points.length - 1; k >= 0; k--) {
        this.restoreBefore(points[k]);
        let last: number | undefined;
        for (;;) {
          const f = this.vm.frame;
          if (this.vm.instructions >= before) break;
          if (f && f.code.code[f.pc] === Op.Break && !(f.code.flags & FnFlags.Builtin)) {
            if (breakpointsOnly ? this.userBreakAt(f.code, f.pc) : this.isStatementStart(f.code, f.pc)) last = this.vm.instructions;
          }
          if (!this.advance(before)) break;
        }
        if (last !== undefined) return last;
      }
      return undefined;
    } finally {
      this.temp.splice(this.temp.length - added.length, added.length);
      for (const a of added) this.unpatchIfUnused(a.fn, a.pc);
    }
  }

  /** A user breakpoint or a `debugger;` statement that stops (what reverse-continue looks for). */
  private userBreakAt(fn: FunctionCode, pc: number): boolean {
    return this.isDebuggerStatement(fn, pc) || this.userBreakAtOnly(fn, pc);
  }

  private userBreakAtOnly(fn: FunctionCode, pc: number): boolean {
    for (const b of this.breakpoints.values()) if (!b.temporary && b.sites.some((x) => x.fn === fn && x.pc === pc)) return true;
    return false;
  }

  // ---- inspection ---------------------------------------------------------------------------

  /** The call stack, innermost first; prelude frames are marked builtin. */
  callStack(): StackFrame[] {
    const frames = this.vm.frames;
    const out: StackFrame[] = [];
    for (let i = frames.length - 1; i >= 0; i--) {
      const f = frames[i];
      const pc = f === this.vm.frame && !this.vm.pendingThrow ? f.pc : Math.max(0, f.pc - 1);
      const span = spanAt(f.code, pc);
      out.push({
        index: frames.length - 1 - i,
        name: f.code.flags & FnFlags.Script ? '<script>' : f.code.name || '<anonymous>',
        line: span?.line ?? 0,
        column: span?.column ?? 0,
        pc: f.pc,
        functionIndex: f.code.index,
        builtin: (f.code.flags & FnFlags.Builtin) !== 0,
        asyncResumed: f.gen !== null && !f.asyncFirst,
      });
    }
    // async functions waiting on something: who awaits the bottom frame (resumed by a job, it has
    // no callers on the stack), or at a suspension — nothing running — who awaits each host call
    for (const saved of this.awaitingFrames()) {
      const code = saved.fn.code;
      const span = spanAt(code, Math.max(0, saved.pc - 1));
      out.push({
        index: out.length,
        name: code.flags & FnFlags.Script ? '<script>' : code.name || '<anonymous>',
        line: span?.line ?? 0,
        column: span?.column ?? 0,
        pc: saved.pc,
        functionIndex: code.index,
        builtin: (code.flags & FnFlags.Builtin) !== 0,
        asyncResumed: false,
        asyncCaller: true,
      });
    }
    return out;
  }

  /** The saved frames of async functions awaiting (see callStack), outermost last. */
  private awaitingFrames(): SavedFrame[] {
    const out: SavedFrame[] = [];
    const seen = new Set<JSGenerator>();
    const follow = (promise: JSPromise | null | undefined): void => {
      for (let p = promise; p; ) {
        const waiter: JSGenerator | null = p.reactions.find((r) => r.resume !== null)?.resume ?? null;
        const saved = waiter?.frame as SavedFrame | null | undefined;
        if (!waiter || !saved || seen.has(waiter)) return;
        seen.add(waiter);
        out.push(saved);
        p = waiter.promise;
      }
    };
    const frames = this.vm.frames;
    const bottom = frames[0];
    if (bottom?.gen && !bottom.asyncFirst) follow(bottom.gen.promise);
    else if (!frames.length) for (const call of this.vm.host.inflight) follow(call.promise);
    return out;
  }

  private frameAt(index: number): Frame {
    const frames = this.vm.frames;
    const f = frames[frames.length - 1 - index];
    if (!f) throw new CapabilityError(`no frame ${index}`);
    return f;
  }

  /** A value as the variables view shows it. */
  view(name: string, v: Value | Marker): VariableView {
    if (v === HOLE) return { name, type: 'hole', preview: '<empty>' };
    if (v instanceof Marker) return { name, type: 'uninitialized', preview: '<uninitialized>' };
    if (v === (undefined as unknown) || v === null || typeof v !== 'object') {
      return { name, type: v === null ? 'null' : typeof v, preview: typeof v === 'string' ? JSON.stringify(v) : inspect(this.vm, v as Value, 0) };
    }
    if (!(v instanceof JSObject)) return { name, type: 'symbol', preview: inspect(this.vm, v, 0) };
    const type = v instanceof JSArray ? 'array' : this.vm.typeOfValue(v) === 'function' ? 'function' : 'object';
    return { name, type, preview: inspect(this.vm, v, 0), objectId: v.id };
  }

  /**
   * The scopes of a frame: its locals, the closure environments, then inputs, capabilities and
   * globals. Frames past the live ones are awaiting async functions (callStack's `asyncCaller`):
   * their saved variables.
   */
  scopes(frameIndex = 0): ScopeView[] {
    const live = this.vm.frames.length;
    if (frameIndex >= live) {
      const saved = this.awaitingFrames()[frameIndex - live];
      if (!saved) throw new CapabilityError(`no frame ${frameIndex}`);
      return this.scopesOf({ code: saved.fn.code, pc: saved.pc, env: saved.env } as Frame, (i) => saved.values[i]);
    }
    const f = this.frameAt(frameIndex);
    const stack = this.vm.stack;
    return this.scopesOf(f, (i) => stack[f.base + i]);
  }

  private scopesOf(f: Frame, local: (i: number) => Value | Marker | undefined): ScopeView[] {
    const locals: VariableView[] = [];
    for (let i = 0; i < f.code.nlocals; i++) {
      const name = f.code.localNames[i];
      if (!name || name.startsWith('%')) continue;
      const v = local(i);
      locals.push(this.view(name, v as Value));
    }
    // blocks (innermost first), then the function's locals: registers plus its own environment
    const scopes: ScopeView[] = [];
    const { own, outer } = this.envChain(f);
    let e: Env | null = f.env;
    for (const region of own) {
      if (!e) break;
      const env = e;
      const vars = region.names.map((n, i) => [n, env.vars[i]] as const).filter(([n]) => n && !n.startsWith('%'));
      if (region.block) {
        if (vars.length) scopes.push({ kind: 'block', variables: vars.map(([n, v]) => this.view(n, v)) });
      } else for (const [n, v] of vars) locals.push(this.view(n, v));
      e = e.parent;
    }
    scopes.push({ kind: 'local', variables: locals });
    for (const names of outer) {
      if (!e) break;
      const env = e;
      const vars = names.map((n, i) => [n, env.vars[i]] as const).filter(([n]) => n && !n.startsWith('%'));
      if (vars.length) scopes.push({ kind: 'closure', variables: vars.map(([n, v]) => this.view(n, v)) });
      e = e.parent;
    }
    const g = this.vm.realm.globalObject;
    const inputs = new Set(Object.keys(this.exec.options.inputs ?? {}));
    const caps = new Set(this.exec.capabilityList.map((c) => c.name));
    const ins: VariableView[] = [];
    const cs: VariableView[] = [];
    const globals: VariableView[] = [];
    for (let i = 0; i < g.shape.keys.length; i++) {
      const k = g.shape.keys[i];
      if (typeof k !== 'string') continue;
      const s = g.getSlot(i);
      if (s instanceof Accessor) continue;
      if (inputs.has(k)) ins.push(this.view(k, s as Value));
      else if (caps.has(k)) cs.push(this.view(k, s as Value));
      else if (!BUILTIN_GLOBALS.has(k) && !(s instanceof JSObject && this.vm.realm.intrinsics.has(s))) globals.push(this.view(k, s as Value));
    }
    if (ins.length) scopes.push({ kind: 'inputs', variables: ins });
    if (cs.length) scopes.push({ kind: 'capabilities', variables: cs });
    scopes.push({ kind: 'global', variables: globals });
    return scopes;
  }

  /** The operand stack of a frame (values above its locals). */
  operandStack(frameIndex = 0): VariableView[] {
    const frames = this.vm.frames;
    const i = frames.length - 1 - frameIndex;
    const f = this.frameAt(frameIndex);
    const top = i + 1 < frames.length ? frames[i + 1].retSlot : this.vm.sp;
    const out: VariableView[] = [];
    for (let k = f.base + f.code.nlocals; k < top; k++) out.push(this.view(`[${k - f.base - f.code.nlocals}]`, this.vm.stack[k]));
    return out;
  }

  /** The disassembly line of a frame's current instruction (breakpoints shown as compiled). */
  currentInstruction(frameIndex = 0): string {
    const f = this.frameAt(frameIndex);
    const pc = frameIndex === 0 ? f.pc : Math.max(0, f.pc - 1);
    const lines = this.disassemble(f.code);
    const found = lines.find((l) => l.trimStart().startsWith(`${pc} `) || new RegExp(`^\\s*${pc}\\s`).test(l));
    return found ?? `${pc}`;
  }

  /** A function's disassembly as compiled (breakpoints not shown). */
  disassemble(fn: FunctionCode): string[] {
    const code = fn.code;
    const orig = this.originalCode(fn);
    if (orig === code) return disassembleFunction(fn);
    fn.code = orig;
    try {
      return disassembleFunction(fn);
    } finally {
      fn.code = code;
    }
  }

  /**
   * Structured listings of the program's functions as compiled (breakpoint patches
   * removed): one function by its index (as stack frames give it), or all of them.
   */
  disassembly(functionIndex?: number): DisassemblyView[] {
    const fns = this.exec.program.functions;
    if (functionIndex !== undefined && !fns[functionIndex]) throw new CapabilityError(`no function #${functionIndex}`);
    const chosen = functionIndex === undefined ? fns : [fns[functionIndex]];
    return chosen.map((fn) => {
      const breakpoints = new Set<number>();
      for (const b of this.breakpoints.values()) if (!b.temporary) for (const s of b.sites) if (s.fn === fn) breakpoints.add(s.pc);
      return { ...listFunction(fn, this.originalCode(fn)), breakpoints: [...breakpoints].sort((a, b) => a - b) };
    });
  }

  /** The own properties of an object reachable from the paused program, by id. */
  properties(objectId: number): VariableView[] {
    const o = this.findObject(objectId);
    if (!o) throw new CapabilityError(`no object with id ${objectId} is reachable`);
    const out: VariableView[] = [];
    if (o instanceof JSArray) o.elements.forEach((e, i) => out.push(this.view(String(i), e as Value)));
    for (let i = 0; i < o.shape.keys.length; i++) {
      const k = o.shape.keys[i];
      const s = o.getSlot(i);
      const name = k instanceof PrivateName ? `#${k.description}` : keyText(k);
      if (s instanceof Accessor) out.push({ name, type: 'accessor', preview: `[${s.get ? 'Getter' : ''}${s.get && s.set ? '/' : ''}${s.set ? 'Setter' : ''}]` });
      else out.push(this.view(name, s as Value));
    }
    if (o.proto && !this.vm.realm.intrinsics.has(o.proto)) out.push(this.view('[[Prototype]]', o.proto));
    return out;
  }

  private findObject(id: number): JSObject | null {
    const seen = new Set<object>();
    const work: unknown[] = [this.vm.realm.globalObject, ...this.vm.stack.slice(0, this.vm.sp)];
    for (const f of this.vm.frames) work.push(f.env, f.thisValue, f.fn, f.gen);
    for (const c of [...this.vm.host.inflight, ...this.vm.host.queued]) work.push(c.args, c.promise);
    for (let i = this.vm.jobHead; i < this.vm.jobs.length; i++) work.push(...Object.values(this.vm.jobs[i]));
    while (work.length) {
      const v = work.pop();
      if (v === null || typeof v !== 'object' || seen.has(v)) continue;
      seen.add(v);
      if (v instanceof JSObject) {
        if (v.id === id) return v;
        if (this.vm.realm.intrinsics.has(v)) continue;
        work.push(v.proto, ...v.slotValues());
        if (v instanceof JSArray) work.push(...v.elements);
        const any = v as unknown as Record<string, unknown>;
        for (const k of ['env', 'home', 'fieldInit', 'result', 'target', 'value', 'frame', 'promise', 'data']) if (any[k] !== undefined) work.push(any[k]);
        if (Array.isArray(any.keys)) work.push(...(any.keys as unknown[]), ...((any.values as unknown[]) ?? []));
        if (Array.isArray(any.reactions)) work.push(...(any.reactions as unknown[]));
      } else if (v instanceof Env) work.push(v.parent, ...v.vars);
      else if (v instanceof Accessor) work.push(v.get, v.set);
      else if (v instanceof SavedFrame) work.push(v.env, v.thisValue, ...v.values);
      else if (Array.isArray(v)) work.push(...v);
      else for (const k of Object.keys(v)) work.push((v as Record<string, unknown>)[k]);
    }
    return null;
  }

  /**
   * Evaluates an expression in a frame without side effects on the program: the
   * variables it names are copied (structured copies) into a fresh sandbox VM, so
   * writes and calls cannot reach the paused program. Functions cannot be copied: an
   * expression that calls one of the program's functions fails with a clear error.
   */
  evaluate(expression: string, frameIndex = 0): { value: unknown; preview: string } {
    const names = this.visibleBindings(frameIndex);
    const program = compile(`(${expression}\n)`, { globals: [...names.keys()] });
    const inputs: Record<string, unknown> = {};
    for (const name of program.freeNames) {
      if (!names.has(name)) continue;
      const v = names.get(name)!;
      if (v instanceof JSObject && this.vm.typeOfValue(v) === 'function') {
        throw new CapabilityError(`${name} is a function: expressions are evaluated on copies and cannot call the program's functions`);
      }
      inputs[name] = toHost(this.vm, v);
    }
    const r = runSync(program, { inputs, limits: { instructions: 100_000, timeMs: 1000 }, seed: 0, now: () => 0 });
    const preview = typeof r.value === 'string' ? JSON.stringify(r.value) : JSON.stringify(r.value) ?? String(r.value);
    return { value: r.value, preview };
  }

  /** Slot names of a frame's environment chain: the ones it pushed (innermost first), then the closure's. */
  private envChain(f: Frame): { own: FunctionCode['envRegions']; outer: string[][] } {
    // a frame below the top stands at its return address: still inside the same regions
    const pc = f.pc;
    const own = f.code.envRegions.filter((r) => r.start < pc && pc <= r.end).sort((a, b) => b.start - a.start);
    return { own, outer: f.code.outerEnvNames };
  }

  /** Names visible in a frame: locals (innermost last wins), inputs and user globals. */
  private visibleBindings(frameIndex: number): Map<string, Value> {
    const out = new Map<string, Value>();
    const g = this.vm.realm.globalObject;
    for (let i = 0; i < g.shape.keys.length; i++) {
      const k = g.shape.keys[i];
      const s = g.getSlot(i);
      if (typeof k === 'string' && !(s instanceof Accessor) && !(s instanceof JSObject && this.vm.realm.intrinsics.has(s))) out.set(k, s as Value);
    }
    const f = this.frameAt(frameIndex);
    // outermost first, so inner bindings shadow outer ones
    const { own, outer } = this.envChain(f);
    const envs: [string[], Env][] = [];
    let e: Env | null = f.env;
    for (const names of [...own.map((r) => r.names), ...outer]) {
      if (!e) break;
      envs.push([names, e]);
      e = e.parent;
    }
    for (let k = envs.length - 1; k >= 0; k--) {
      const [names, env] = envs[k];
      names.forEach((n, i) => n && !n.startsWith('%') && !(env.vars[i] instanceof Marker) && out.set(n, env.vars[i]));
    }
    for (let i = 0; i < f.code.nlocals; i++) {
      const name = f.code.localNames[i];
      const v = this.vm.stack[f.base + i];
      if (name && !name.startsWith('%') && !(v instanceof Marker)) out.set(name, v);
    }
    return out;
  }
}
