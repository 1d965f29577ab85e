/**
 * The budget profile of a run: budget figures sampled over time (every N instructions and
 * at each suspension) and instruction totals per function and per source line — the heat
 * map. A profiling run patches a Break at every statement start and at every call's
 * return address of the program's functions, so the instructions between two stops are
 * charged to the line that was running; nothing else is slowed down, and the Breaks are
 * not counted, so the run's instruction count is the plain run's.
 */
import type { Answer } from '../capabilities';
import { FnFlags, spanAt, type FunctionCode } from '../chunk';
import type { Execution, HostCallRequest, Outcome } from '../execution';
import { Op, OPERANDS } from '../opcodes';

export interface BudgetSample {
  instructions: number;
  /** Heap bytes as the budget sees them (allocation estimates, corrected at each mark). */
  heapBytes: number;
  allocations: number;
  /** Frames on the stack now. */
  callDepth: number;
  /** The most frames the run has had at once so far. */
  peakCallDepth: number;
  pendingCalls: number;
  at: 'start' | 'interval' | 'suspension' | 'end';
}

export interface LineCost {
  line: number;
  instructions: number;
}

export interface FunctionCost {
  index: number;
  name: string;
  line: number;
  instructions: number;
}

export interface Profile {
  samples: BudgetSample[];
  /** By line, lines with no instructions left out, in line order. */
  lines: LineCost[];
  /** By function, most expensive first. */
  functions: FunctionCost[];
  /** Instructions run by built-ins written in JavaScript and before the first statement. */
  unattributed: number;
  outcome: Outcome;
}

export interface ProfileOptions {
  /** Sample every this many instructions (default 10 000). */
  sampleEvery?: number;
  /** Answers suspended calls (required if the program calls capabilities). */
  answer?: (calls: HostCallRequest[]) => Answer[];
}

const CALL_OPS = new Set<number>([Op.Call, Op.CallSpread, Op.New, Op.NewSpread, Op.SuperCall, Op.SuperCallSpread]);

/** The budget figures of an execution now (also what the sidecar streams per slice). */
export function budgetOf(exec: Execution): Omit<BudgetSample, 'at'> {
  const vm = exec.vm;
  return {
    instructions: vm.instructions,
    heapBytes: vm.heapBytes,
    allocations: vm.allocations,
    callDepth: vm.frames.length,
    peakCallDepth: vm.peakDepth,
    pendingCalls: vm.host.inflight.length + vm.host.queued.length,
  };
}

function sample(exec: Execution, at: BudgetSample['at']): BudgetSample {
  return { ...budgetOf(exec), at };
}

/**
 * A profiling run that stops at each suspension, so a host that answers asynchronously
 * (the sidecar's parent) can drive it: `run(answers)` until it returns `completed`.
 * The program's code is patched from construction until the run ends.
 */
export class Profiler {
  private readonly every: number;
  private readonly patched: { fn: FunctionCode; pc: number; op: number }[] = [];
  private readonly original = new Map<FunctionCode, Map<number, number>>();
  private readonly lineCost = new Map<number, number>();
  private readonly fnCost = new Map<FunctionCode, number>();
  private readonly samples: BudgetSample[];
  private unattributed = 0;
  private current: { fn: FunctionCode; line: number } | null = null;
  private since: number;
  private nextSample: number;
  private done = false;

  constructor(
    private readonly exec: Execution,
    options: { sampleEvery?: number } = {},
  ) {
    this.every = Math.max(1, options.sampleEvery ?? 10_000);
    // sites are Break instructions patched into FunctionCode.code: run it, not the fused copies
    exec.vm.fuseCode = false;
    for (const fn of exec.program.functions) {
      const sites = new Set<number>(fn.stmtStarts);
      const code = fn.code;
      for (let pc = 0; pc < code.length; pc += 1 + (OPERANDS[code[pc]] ?? 0)) {
        if (code[pc] === Op.Break) {
          this.restoreCode();
          throw new Error('the program has breakpoints set: detach the debugger (or compile a separate program) to profile it');
        }
        if (CALL_OPS.has(code[pc])) sites.add(pc + 1 + (OPERANDS[code[pc]] ?? 0));
      }
      for (const pc of sites) {
        if (pc >= code.length) continue;
        this.patched.push({ fn, pc, op: code[pc] });
        code[pc] = Op.Break;
      }
    }
    for (const p of this.patched) {
      let m = this.original.get(p.fn);
      if (!m) this.original.set(p.fn, (m = new Map()));
      m.set(p.pc, p.op);
    }
    this.samples = [sample(exec, 'start')];
    this.since = exec.vm.instructions;
    this.nextSample = exec.vm.instructions + this.every;
  }

  private restoreCode(): void {
    for (const p of this.patched) p.fn.code[p.pc] = p.op;
    this.patched.length = 0;
  }

  private charge(): void {
    const vm = this.exec.vm;
    const n = vm.instructions - this.since;
    this.since = vm.instructions;
    if (!n) return;
    if (!this.current) {
      this.unattributed += n;
      return;
    }
    this.lineCost.set(this.current.line, (this.lineCost.get(this.current.line) ?? 0) + n);
    this.fnCost.set(this.current.fn, (this.fnCost.get(this.current.fn) ?? 0) + n);
  }

  private locate(): void {
    const f = this.exec.vm.frame;
    if (!f || f.code.flags & FnFlags.Builtin) return; // built-ins' work goes to the calling line
    const span = spanAt(f.code, f.pc);
    if (span) this.current = { fn: f.code, line: span.line };
  }

  /**
   * Runs (applying `answers`) until the next suspension or the end — or, given a `deadline`
   * (a `Date.now()` value), returns `running` once it has passed, so a host can let other
   * work in (the sidecar's heartbeats) and call `run()` again.
   */
  run(
    answers: Answer[] = [],
    options: { deadline?: number } = {},
  ): { status: 'suspended'; calls: HostCallRequest[] } | { status: 'completed'; profile: Profile } | { status: 'running' } {
    if (this.done) throw new Error('the profiling run has ended');
    const exec = this.exec;
    const vm = exec.vm;
    let pending = answers;
    let out: Outcome;
    let checks = 0;
    try {
      for (;;) {
        if (options.deadline !== undefined && !pending.length && ++checks % 64 === 0 && Date.now() >= options.deadline) return { status: 'running' };
        const f = vm.frame;
        if (f && f.code.code[f.pc] === Op.Break) {
          // stopped at a site: charge what ran since the last one, then run the instruction it covers
          this.charge();
          this.locate();
          const code = f.code.code;
          const pc = f.pc;
          const op = this.original.get(f.code)?.get(pc);
          if (op === undefined) f.pc++;
          else {
            code[pc] = op;
            try {
              out = exec.resume(pending, { sliceInstructions: 1 });
            } finally {
              code[pc] = Op.Break;
            }
            pending = [];
            if (out.status === 'completed') break;
            if (out.status === 'suspended') {
              this.charge();
              this.samples.push(sample(exec, 'suspension'));
              return { status: 'suspended', calls: out.calls };
            }
            continue;
          }
        }
        out = exec.resume(pending, { sliceInstructions: Math.max(1, this.nextSample - vm.instructions) });
        pending = [];
        if (vm.instructions >= this.nextSample) {
          this.samples.push(sample(exec, 'interval'));
          this.nextSample = vm.instructions + this.every;
        }
        if (out.status === 'completed') break;
        if (out.status === 'suspended') {
          this.charge();
          this.samples.push(sample(exec, 'suspension'));
          return { status: 'suspended', calls: out.calls };
        }
      }
    } catch (e) {
      this.done = true;
      this.restoreCode();
      throw e;
    }
    this.done = true;
    this.restoreCode();
    this.charge();
    this.samples.push(sample(exec, 'end'));
    return {
      status: 'completed',
      profile: {
        samples: this.samples,
        lines: [...this.lineCost.entries()].sort((a, b) => a[0] - b[0]).map(([line, instructions]) => ({ line, instructions })),
        functions: [...this.fnCost.entries()]
          .map(([fn, instructions]) => ({ index: fn.index, name: fn.flags & FnFlags.Script ? '<script>' : fn.name || '<anonymous>', line: fn.line, instructions }))
          .sort((a, b) => b.instructions - a.instructions),
        unattributed: this.unattributed,
        outcome: out,
      },
    };
  }
}

/** Runs `exec` (from where it is) to completion and returns its profile. */
export function profileRun(exec: Execution, options: ProfileOptions = {}): Profile {
  const p = new Profiler(exec, options);
  let r = p.run();
  while (r.status !== 'completed') {
    if (r.status === 'running') {
      r = p.run();
      continue;
    }
    if (!options.answer) {
      p.run = () => {
        throw new Error('unreachable');
      };
      throw new Error('the program suspended at a capability call: pass options.answer');
    }
    r = p.run(options.answer(r.calls));
  }
  return r.profile;
}
