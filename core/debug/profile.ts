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
  callDepth: number;
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

function sample(exec: Execution, at: BudgetSample['at']): BudgetSample {
  const vm = exec.vm;
  return {
    instructions: vm.instructions,
    heapBytes: vm.heapBytes,
    allocations: vm.allocations,
    callDepth: vm.frames.length,
    pendingCalls: vm.host.inflight.length + vm.host.queued.length,
    at,
  };
}

/** Runs `exec` (from where it is) to completion and returns its profile. */
export function profileRun(exec: Execution, options: ProfileOptions = {}): Profile {
  const every = Math.max(1, options.sampleEvery ?? 10_000);
  const vm = exec.vm;
  const patched: { fn: FunctionCode; pc: number; op: number }[] = [];
  for (const fn of exec.program.functions) {
    const sites = new Set<number>(fn.stmtStarts);
    const code = fn.code;
    for (let pc = 0; pc < code.length; pc += 1 + (OPERANDS[code[pc]] ?? 0)) {
      if (CALL_OPS.has(code[pc])) sites.add(pc + 1 + (OPERANDS[code[pc]] ?? 0));
    }
    for (let pc = 0; pc < code.length; pc += 1 + (OPERANDS[code[pc]] ?? 0)) {
      if (code[pc] === Op.Break) throw new Error('the program has breakpoints set: detach the debugger (or compile a separate program) to profile it');
    }
    for (const pc of sites) {
      if (pc >= code.length) continue;
      patched.push({ fn, pc, op: code[pc] });
      code[pc] = Op.Break;
    }
  }
  const original = new Map<FunctionCode, Map<number, number>>();
  for (const p of patched) {
    let m = original.get(p.fn);
    if (!m) original.set(p.fn, (m = new Map()));
    m.set(p.pc, p.op);
  }
  const lineCost = new Map<number, number>();
  const fnCost = new Map<FunctionCode, number>();
  const samples: BudgetSample[] = [sample(exec, 'start')];
  let unattributed = 0;
  let current: { fn: FunctionCode; line: number } | null = null;
  let since = vm.instructions;
  let nextSample = vm.instructions + every;
  const charge = (): void => {
    const n = vm.instructions - since;
    since = vm.instructions;
    if (!n) return;
    if (!current) {
      unattributed += n;
      return;
    }
    lineCost.set(current.line, (lineCost.get(current.line) ?? 0) + n);
    fnCost.set(current.fn, (fnCost.get(current.fn) ?? 0) + n);
  };
  const locate = (): void => {
    const f = vm.frame;
    if (!f || f.code.flags & FnFlags.Builtin) return; // built-ins' work goes to the calling line
    const span = spanAt(f.code, f.pc);
    if (span) current = { fn: f.code, line: span.line };
  };
  let answers: Answer[] = [];
  let out: Outcome;
  try {
    for (;;) {
      const f = vm.frame;
      if (f && f.code.code[f.pc] === Op.Break) {
        // stopped at a site: charge what ran since the last one, then run the instruction it covers
        charge();
        locate();
        const code = f.code.code;
        const pc = f.pc;
        const op = original.get(f.code)?.get(pc);
        if (op === undefined) f.pc++;
        else {
          code[pc] = op;
          try {
            out = exec.resume(answers, { sliceInstructions: 1 });
          } finally {
            code[pc] = Op.Break;
          }
          answers = [];
          if (out.status === 'completed') break;
          if (out.status === 'suspended') {
            charge();
            samples.push(sample(exec, 'suspension'));
            if (!options.answer) throw new Error('the program suspended at a capability call: pass options.answer');
            answers = options.answer(out.calls);
          }
          continue;
        }
      }
      out = exec.resume(answers, { sliceInstructions: Math.max(1, nextSample - vm.instructions) });
      answers = [];
      if (vm.instructions >= nextSample) {
        samples.push(sample(exec, 'interval'));
        nextSample = vm.instructions + every;
      }
      if (out.status === 'completed') break;
      if (out.status === 'suspended') {
        charge();
        samples.push(sample(exec, 'suspension'));
        if (!options.answer) throw new Error('the program suspended at a capability call: pass options.answer');
        answers = options.answer(out.calls);
      }
    }
  } finally {
    for (const p of patched) p.fn.code[p.pc] = p.op;
  }
  charge();
  samples.push(sample(exec, 'end'));
  return {
    samples,
    lines: [...lineCost.entries()].sort((a, b) => a[0] - b[0]).map(([line, instructions]) => ({ line, instructions })),
    functions: [...fnCost.entries()]
      .map(([fn, instructions]) => ({ index: fn.index, name: fn.flags & FnFlags.Script ? '<script>' : fn.name || '<anonymous>', line: fn.line, instructions }))
      .sort((a, b) => b.instructions - a.instructions),
    unattributed,
    outcome: out,
  };
}
