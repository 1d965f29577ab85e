/**
 * The compiled form: a flat Int32Array of instructions for the backtracking VM in
 * matcher.ts, plus side tables. Labels are absolute instruction offsets.
 *
 * Instruction layouts (operands follow the opcode):
 *   MATCH
 *   CHAR c | CHAR_B c                 one code unit (never a surrogate in unicode mode)
 *   CHAR2 a b | CHAR2_B a b           either of two code units
 *   SET k | SET_B k                   one character in sets[k] (code point in unicode mode)
 *   ANY | ANY_B                       any one character
 *   STR k | STR_B k                   the code units of strings[k]
 *   ASSERT kind                       see AssertOp
 *   JMP L
 *   PUSH L                            push a choice point resuming at L
 *   SAVE r                            regs[r] = pos (undo-logged)
 *   RESET a b                         regs[a..b) = -1 (undo-logged)
 *   LOOP_INIT r                       regs[r] = 0 (undo-logged)
 *   LOOP r min max greedy bodyL exitL counted loop head
 *   LOOP_TAIL r min posReg headL      end of a counted iteration (empty check when posReg >= 0)
 *   PROGRESS r                        fail if pos === regs[r] (empty-iteration check)
 *   STAR kind a b min max greedy back single-character loop (kind: StarKind)
 *   BACKREF n back                    back reference to group n
 *   LOOK negative saveReg afterL      start of a lookaround (pushes a barrier)
 *   LOOK_END negative saveReg         end of a lookaround body
 */
import type { CharMatcher } from './charset';

export const enum Op {
  MATCH,
  CHAR,
  CHAR_B,
  CHAR2,
  CHAR2_B,
  SET,
  SET_B,
  ANY,
  ANY_B,
  STR,
  STR_B,
  ASSERT,
  JMP,
  PUSH,
  SAVE,
  RESET,
  LOOP_INIT,
  LOOP,
  LOOP_TAIL,
  PROGRESS,
  STAR,
  BACKREF,
  LOOK,
  LOOK_END,
}

export const enum AssertOp {
  START,
  END,
  START_LINE,
  END_LINE,
  WORD_BOUNDARY,
  NOT_WORD_BOUNDARY,
}

export const enum StarKind {
  CHAR,
  CHAR2,
  SET,
  ANY,
}

export const OP_LENGTH: readonly number[] = [
  1, // MATCH
  2, // CHAR
  2, // CHAR_B
  3, // CHAR2
  3, // CHAR2_B
  2, // SET
  2, // SET_B
  1, // ANY
  1, // ANY_B
  2, // STR
  2, // STR_B
  2, // ASSERT
  2, // JMP
  2, // PUSH
  2, // SAVE
  3, // RESET
  2, // LOOP_INIT
  7, // LOOP
  5, // LOOP_TAIL
  2, // PROGRESS
  8, // STAR
  3, // BACKREF
  4, // LOOK
  3, // LOOK_END
];

/** Loop bound used for "unbounded". */
export const UNBOUNDED = 0x7fffffff;

export interface Program {
  code: Int32Array;
  sets: CharMatcher[];
  strings: string[];
  /** Total registers: 2 per capture (incl. group 0) followed by loop/lookaround registers. */
  registerCount: number;
  groupCount: number;
  unicode: boolean;
  ignoreCase: boolean;
  /** \b uses the extended word set (u/v + i). */
  wordUnicodeIgnoreCase: boolean;
  /** Literal code-unit prefix every match must start with ('' if none). */
  prefix: string;
  /**
   * V8 runs a pattern that is a single literal astral character as a plain string
   * search, so (unlike other u/v patterns) it never steps back into a surrogate pair.
   */
  literalAstralAtom: boolean;
  /** Only position 0 can match (pattern starts with a non-multiline ^ in every alternative). */
  anchoredStart: boolean;
}
