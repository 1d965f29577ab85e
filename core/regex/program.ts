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
 *   CLASS_EXPR k back                 a v-mode class with properties of strings
 */
import type { CharMatcher } from './charset';
import type { StringClassMatcher } from './strclass';

// The opcode enums live in matcher.ts: const enums are only inlined within their own
// file by per-file transpilers, and the VM's hot loop must not pay for lookups.
export { AssertOp, Op, StarKind } from './matcher';

/** Loop bound used for "unbounded". */
export const UNBOUNDED = 0x7fffffff;

export interface Program {
  code: Int32Array;
  sets: CharMatcher[];
  strings: string[];
  /** v-mode classes with properties of strings (CLASS_EXPR operands). */
  stringClasses: StringClassMatcher[];
  /** Total registers: 2 per capture (incl. group 0) followed by loop/lookaround registers. */
  registerCount: number;
  groupCount: number;
  unicode: boolean;
  ignoreCase: boolean;
  /** \b uses the extended word set (u/v + i). */
  wordUnicodeIgnoreCase: boolean;
  /** Code units a match can start with (null: unknown or the pattern can match empty). */
  firstChars: CharMatcher | null;
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
