/**
 * Superinstructions: a copy of a function's code in which the first opcode of some frequent
 * instruction sequences is replaced by a fused opcode that runs the whole sequence in one
 * dispatch. Only the interpreter sees the copy (`fusedCode`); `FunctionCode.code`, which
 * the disassembler, the artifact encoder, the program hash, the debugger and the profiler
 * read and patch, is never changed.
 *
 * The copy keeps every original instruction in place (same pcs, same operands), so jumps
 * into the middle of a sequence, spans and frame pcs mean the same in both arrays. A fused
 * opcode counts as the instructions it stands for, and runs only its first instruction
 * (then dispatch continues normally at the second) when its operands are not the common
 * case or when the whole sequence would cross the slice end or the instruction limit —
 * so counts, limits and slice boundaries are exactly those of the unfused code.
 */
import type { FunctionCode } from '../chunk';
import { Op, OPERANDS } from '../opcodes';

/**
 * Fused opcodes. Numbered right after the last real opcode (PrivateBrand = 150), so the
 * interpreter's `switch` stays dense (V8 compiles it to a jump table; far-off case values
 * made it slower for every instruction), and without names, so the bytecode verifier
 * (which accepts only opcodes in OP_NAMES) rejects them in loaded code. A test checks
 * that FIRST_FUSED === OP_NAMES.length.
 */
export const enum Fused {
  /** GetLocal i; Int k; Lt|Le|Gt|Ge; JumpIfFalse t (4 instructions). */
  LocalIntCmpJump = 151,
  /** GetLocal i; GetLocal j; Lt|Le|Gt|Ge; JumpIfFalse t (4 instructions). */
  LocalLocalCmpJump,
  /** GetLocal i; Inc|Dec; SetLocal i; Pop (4 instructions: `i++;` as a statement). */
  IncLocal,
  /** GetLocal i; Int k; Add|Sub (3 instructions). */
  LocalIntArith,
  /** GetLocal i; GetLocal j (2 instructions). */
  LocalLocal,
  /** GetLocal i; GetProp k, the property read hitting its inline cache (2 instructions). */
  LocalGetProp,
  /** GetLocal i; Undef (2 instructions: a call of a local function, before its arguments). */
  LocalUndef,
  /** GetEnv d s; Undef (2 instructions: a call of a captured function). */
  EnvUndef,
  /** SetLocal i; Pop (2 instructions: an assignment statement). */
  SetLocalPop,
}

/** The last fused opcode. */
export const LAST_FUSED: number = Fused.SetLocalPop;

/** The first fused opcode (for the test that keeps the numbering dense). */
export const FIRST_FUSED: number = Fused.LocalIntCmpJump;

const isCmp = (op: number): boolean => op === Op.Lt || op === Op.Le || op === Op.Gt || op === Op.Ge;

/** Builds the fused copy of `code` (a pure function of the code). */
export function fuse(code: Int32Array): Int32Array {
  const out = code.slice();
  const n = code.length;
  // instruction starts, so a pattern only matches whole consecutive instructions
  const at = (pc: number): number => (pc < n ? code[pc] : -1);
  for (let pc = 0; pc < n; pc += 1 + (OPERANDS[code[pc]] ?? 0)) {
    if (code[pc] === Op.GetEnv) {
      if (at(pc + 3) === Op.Undef) out[pc] = Fused.EnvUndef;
      continue;
    }
    if (code[pc] === Op.SetLocal) {
      if (at(pc + 2) === Op.Pop) out[pc] = Fused.SetLocalPop;
      continue;
    }
    if (code[pc] !== Op.GetLocal) continue;
    const i = code[pc + 1];
    const op2 = at(pc + 2);
    if (op2 === Op.Int && isCmp(at(pc + 4)) && at(pc + 5) === Op.JumpIfFalse) out[pc] = Fused.LocalIntCmpJump;
    else if (op2 === Op.GetLocal && isCmp(at(pc + 4)) && at(pc + 5) === Op.JumpIfFalse) out[pc] = Fused.LocalLocalCmpJump;
    else if ((op2 === Op.Inc || op2 === Op.Dec) && at(pc + 3) === Op.SetLocal && at(pc + 4) === i && at(pc + 5) === Op.Pop) out[pc] = Fused.IncLocal;
    else if (op2 === Op.Int && (at(pc + 4) === Op.Add || at(pc + 4) === Op.Sub)) out[pc] = Fused.LocalIntArith;
    else if (op2 === Op.GetLocal) out[pc] = Fused.LocalLocal;
    else if (op2 === Op.GetProp) out[pc] = Fused.LocalGetProp;
    else if (op2 === Op.Undef) out[pc] = Fused.LocalUndef;
  }
  return out;
}

/** The code the interpreter runs for `fc`: its fused copy, rebuilt when `fc.code` was replaced. */
export function fusedCode(fc: FunctionCode): Int32Array {
  if (fc.fusedFrom === fc.code) return fc.fused!;
  fc.fused = fuse(fc.code);
  fc.fusedFrom = fc.code;
  return fc.fused;
}
