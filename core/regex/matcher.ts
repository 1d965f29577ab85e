/**
 * The backtracking VM. All state lives in two typed arrays:
 *   - regs: capture registers (2 per group) and loop/lookaround registers;
 *   - the backtrack stack: fixed 4-int entries (kind, a, b, c).
 * Register writes are undo-logged on the stack, so backtracking to a choice point
 * restores exactly the registers as they were when it was pushed.
 *
 * Steps: every instruction executed, every stack entry pushed or popped, every
 * character compared inside a multi-character instruction, and every start position
 * tried or skipped costs one step. The stack can therefore never hold more entries
 * than the budget allowed. No host recursion anywhere; no closures in the hot loop.
 */
import { CharMatcher } from './charset';
import { RegexBudgetError } from './errors';
import type { Program } from './program';
import { canonicalizer, WORD, WORD_UNICODE_IGNORE_CASE } from './unicode';

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
  CLASS_EXPR,
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

export interface StepBudget {
  remaining: number;
}

const enum Bt {
  CHOICE, // a = pc, b = pos
  UNDO, // a = reg, b = old value
  BARRIER, // a = negative?1:0, b = pos at lookaround start, c = pc after the lookaround
  STAR_GREEDY, // a = pc of STAR, b = current pos, c = pos after the mandatory part
  STAR_LAZY, // a = pc of STAR, b = current pos, c = iterations so far
  CLASS_EXPR, // a = pc of CLASS_EXPR, b = pos before it, c = length matched (try shorter)
}

const WORD_MATCHER = new CharMatcher(WORD);
const WORD_UI_MATCHER = new CharMatcher(WORD_UNICODE_IGNORE_CASE);

/** Reusable per-program scratch memory. */
export class MatcherState {
  regs: Int32Array;
  stack: Int32Array;
  readonly canon: ((c: number) => number) | null;
  constructor(readonly program: Program) {
    this.regs = new Int32Array(program.registerCount);
    this.stack = new Int32Array(256);
    this.canon = program.ignoreCase ? canonicalizer(program.unicode) : null;
  }
}

function outOfSteps(budget: StepBudget, state: MatcherState, stk: Int32Array): never {
  budget.remaining = 0;
  state.stack = stk;
  throw new RegexBudgetError();
}

/** Backtrack stack bound (ints): host memory for one match stays under 16 MB. */
const MAX_STACK_INTS = 4 * 1024 * 1024;

function growStack(stk: Int32Array): Int32Array {
  // the step budget alone would let a long input hold ~16 bytes per step of host memory
  if (stk.length * 2 > MAX_STACK_INTS) throw new RegexBudgetError('regular expression backtracking exceeded its memory bound');
  const bigger = new Int32Array(stk.length * 2);
  bigger.set(stk);
  return bigger;
}

/**
 * Character at p reading forward: a code point in unicode mode. -1 at the end, and
 * (like V8) in unicode mode when p is inside a surrogate pair.
 */
function readFwd(s: string, p: number, len: number, unicode: boolean): number {
  if (p >= len) return -1;
  const c = s.charCodeAt(p);
  if (unicode && c >= 0xd800 && c <= 0xdfff) {
    if (c <= 0xdbff) {
      if (p + 1 < len) {
        const d = s.charCodeAt(p + 1);
        if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      }
    } else if (p > 0) {
      const b = s.charCodeAt(p - 1);
      if (b >= 0xd800 && b <= 0xdbff) return -1;
    }
  }
  return c;
}

/** Character ending at p (reading backward). -1 at the start or inside a pair (unicode). */
function readBack(s: string, p: number, len: number, unicode: boolean): number {
  if (p <= 0) return -1;
  const c = s.charCodeAt(p - 1);
  if (unicode && c >= 0xd800 && c <= 0xdfff) {
    if (c >= 0xdc00) {
      if (p - 2 >= 0) {
        const d = s.charCodeAt(p - 2);
        if (d >= 0xd800 && d <= 0xdbff) return ((d - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
      }
    } else if (p < len) {
      const a = s.charCodeAt(p);
      if (a >= 0xdc00 && a <= 0xdfff) return -1;
    }
  }
  return c;
}

function testKind(kind: number, a: number, b: number, c: number, sets: CharMatcher[]): boolean {
  switch (kind) {
    case StarKind.CHAR:
      return c === a;
    case StarKind.CHAR2:
      return c === a || c === b;
    case StarKind.SET:
      return sets[b].has(c);
    default:
      return true;
  }
}

function isWordAt(s: string, p: number, len: number, words: CharMatcher): boolean {
  if (p < 0 || p >= len) return false;
  return words.has(s.charCodeAt(p));
}

function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

function isLead(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isTrail(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Finds the first match starting at `from` or later (only at `from` when sticky).
 * With `stepBack`, the position `from - 1` is tried first (V8's surrogate-pair rule).
 * Returns true with the captures in state.regs (regs[0], regs[1] = whole match).
 */
export function execProgram(
  state: MatcherState,
  s: string,
  from: number,
  budget: StepBudget,
  sticky: boolean,
  stepBack: boolean,
): boolean {
  const prog = state.program;
  const code = prog.code;
  const sets = prog.sets;
  const strings = prog.strings;
  const unicode = prog.unicode;
  const canon = state.canon;
  const words = prog.wordUnicodeIgnoreCase ? WORD_UI_MATCHER : WORD_MATCHER;
  const first = prog.firstChars;
  const prefix = prog.prefix;
  const len = s.length;
  const regs = state.regs;
  const nregs = regs.length;
  let stk = state.stack;
  let remaining = budget.remaining;

  // One step per 32 registers initialised.
  remaining -= (nregs + 31) >> 5;
  if (remaining < 0) outOfSteps(budget, state, stk);
  regs.fill(-1);

  let start = stepBack ? from - 1 : from;
  for (;;) {
    // ---- choose the next start position ----
    const fixed = sticky || (stepBack && start === from - 1);
    if (!fixed) {
      if (prog.anchoredStart && start > 0) {
        budget.remaining = remaining;
        return false;
      }
      if (prefix.length > 0) {
        const at = s.indexOf(prefix, start);
        const skipped = (at < 0 ? len : at) - start;
        remaining -= skipped;
        if (remaining < 0) outOfSteps(budget, state, stk);
        if (at < 0) {
          budget.remaining = remaining;
          return false;
        }
        start = at;
      } else if (first !== null) {
        while (start < len && !first.has(s.charCodeAt(start))) {
          start++;
          if (--remaining < 0) outOfSteps(budget, state, stk);
        }
        if (start >= len) {
          budget.remaining = remaining;
          return false;
        }
      }
    }
    if (--remaining < 0) outOfSteps(budget, state, stk);

    // ---- run the VM anchored at `start` ----
    // (Registers need no reset between attempts: every write is undo-logged, and a
    // failed attempt unwinds the whole stack, restoring them all to -1.)
    let sp = 0;
    let pc = 0;
    let pos = start;
    let matched = false;
    vm: for (;;) {
      if (--remaining < 0) outOfSteps(budget, state, stk);
      let ok = true;
      switch (code[pc]) {
        case Op.MATCH:
          regs[0] = start;
          regs[1] = pos;
          matched = true;
          break vm;
        case Op.CHAR:
          if (pos < len && s.charCodeAt(pos) === code[pc + 1]) {
            pos++;
            pc += 2;
          } else ok = false;
          break;
        case Op.CHAR_B:
          if (pos > 0 && s.charCodeAt(pos - 1) === code[pc + 1]) {
            pos--;
            pc += 2;
          } else ok = false;
          break;
        case Op.CHAR2: {
          if (pos < len) {
            const c = s.charCodeAt(pos);
            if (c === code[pc + 1] || c === code[pc + 2]) {
              pos++;
              pc += 3;
              break;
            }
          }
          ok = false;
          break;
        }
        case Op.CHAR2_B: {
          if (pos > 0) {
            const c = s.charCodeAt(pos - 1);
            if (c === code[pc + 1] || c === code[pc + 2]) {
              pos--;
              pc += 3;
              break;
            }
          }
          ok = false;
          break;
        }
        case Op.SET: {
          const c = readFwd(s, pos, len, unicode);
          if (c >= 0 && sets[code[pc + 1]].has(c)) {
            pos += c > 0xffff ? 2 : 1;
            pc += 2;
          } else ok = false;
          break;
        }
        case Op.SET_B: {
          const c = readBack(s, pos, len, unicode);
          if (c >= 0 && sets[code[pc + 1]].has(c)) {
            pos -= c > 0xffff ? 2 : 1;
            pc += 2;
          } else ok = false;
          break;
        }
        case Op.ANY: {
          const c = readFwd(s, pos, len, unicode);
          if (c >= 0) {
            pos += c > 0xffff ? 2 : 1;
            pc += 1;
          } else ok = false;
          break;
        }
        case Op.ANY_B: {
          const c = readBack(s, pos, len, unicode);
          if (c >= 0) {
            pos -= c > 0xffff ? 2 : 1;
            pc += 1;
          } else ok = false;
          break;
        }
        case Op.STR: {
          const str = strings[code[pc + 1]];
          const n = str.length;
          if (pos + n > len) {
            ok = false;
            break;
          }
          remaining -= n;
          if (remaining < 0) outOfSteps(budget, state, stk);
          if (s.startsWith(str, pos)) {
            pos += n;
            pc += 2;
          } else ok = false;
          break;
        }
        case Op.STR_B: {
          const str = strings[code[pc + 1]];
          const n = str.length;
          if (pos - n < 0) {
            ok = false;
            break;
          }
          remaining -= n;
          if (remaining < 0) outOfSteps(budget, state, stk);
          if (s.startsWith(str, pos - n)) {
            pos -= n;
            pc += 2;
          } else ok = false;
          break;
        }
        case Op.ASSERT: {
          switch (code[pc + 1]) {
            case AssertOp.START:
              ok = pos === 0;
              break;
            case AssertOp.END:
              ok = pos === len;
              break;
            case AssertOp.START_LINE:
              ok = pos === 0 || isLineTerminator(s.charCodeAt(pos - 1));
              break;
            case AssertOp.END_LINE:
              ok = pos === len || isLineTerminator(s.charCodeAt(pos));
              break;
            case AssertOp.WORD_BOUNDARY:
              ok = isWordAt(s, pos - 1, len, words) !== isWordAt(s, pos, len, words);
              break;
            default:
              ok = isWordAt(s, pos - 1, len, words) === isWordAt(s, pos, len, words);
              break;
          }
          if (ok) pc += 2;
          break;
        }
        case Op.JMP:
          pc = code[pc + 1];
          break;
        case Op.PUSH:
          if (--remaining < 0) outOfSteps(budget, state, stk);
          if (sp + 4 > stk.length) stk = growStack(stk);
          stk[sp] = Bt.CHOICE;
          stk[sp + 1] = code[pc + 1];
          stk[sp + 2] = pos;
          sp += 4;
          pc += 2;
          break;
        case Op.SAVE: {
          const r = code[pc + 1];
          if (--remaining < 0) outOfSteps(budget, state, stk);
          if (sp + 4 > stk.length) stk = growStack(stk);
          stk[sp] = Bt.UNDO;
          stk[sp + 1] = r;
          stk[sp + 2] = regs[r];
          sp += 4;
          regs[r] = pos;
          pc += 2;
          break;
        }
        case Op.RESET: {
          const end = code[pc + 2];
          // Scanning costs a step per 16 registers; each actual reset a step more.
          remaining -= (end - code[pc + 1]) >> 4;
          if (remaining < 0) outOfSteps(budget, state, stk);
          for (let r = code[pc + 1]; r < end; r++) {
            if (regs[r] === -1) continue;
            if (--remaining < 0) outOfSteps(budget, state, stk);
            if (sp + 4 > stk.length) stk = growStack(stk);
            stk[sp] = Bt.UNDO;
            stk[sp + 1] = r;
            stk[sp + 2] = regs[r];
            sp += 4;
            regs[r] = -1;
          }
          pc += 3;
          break;
        }
        case Op.LOOP_INIT: {
          const r = code[pc + 1];
          if (--remaining < 0) outOfSteps(budget, state, stk);
          if (sp + 4 > stk.length) stk = growStack(stk);
          stk[sp] = Bt.UNDO;
          stk[sp + 1] = r;
          stk[sp + 2] = regs[r];
          sp += 4;
          regs[r] = 0;
          pc += 2;
          break;
        }
        case Op.LOOP: {
          const count = regs[code[pc + 1]];
          if (count < code[pc + 2]) {
            pc = code[pc + 5];
            break;
          }
          if (count >= code[pc + 3]) {
            pc = code[pc + 6];
            break;
          }
          const greedy = code[pc + 4] === 1;
          if (--remaining < 0) outOfSteps(budget, state, stk);
          if (sp + 4 > stk.length) stk = growStack(stk);
          stk[sp] = Bt.CHOICE;
          stk[sp + 1] = greedy ? code[pc + 6] : code[pc + 5];
          stk[sp + 2] = pos;
          sp += 4;
          pc = greedy ? code[pc + 5] : code[pc + 6];
          break;
        }
        case Op.LOOP_TAIL: {
          const r = code[pc + 1];
          const posReg = code[pc + 3];
          if (posReg >= 0 && regs[r] >= code[pc + 2] && regs[posReg] === pos) {
            ok = false;
            break;
          }
          if (--remaining < 0) outOfSteps(budget, state, stk);
          if (sp + 4 > stk.length) stk = growStack(stk);
          stk[sp] = Bt.UNDO;
          stk[sp + 1] = r;
          stk[sp + 2] = regs[r];
          sp += 4;
          regs[r]++;
          pc = code[pc + 4];
          break;
        }
        case Op.PROGRESS:
          if (regs[code[pc + 1]] === pos) ok = false;
          else pc += 2;
          break;
        case Op.STAR: {
          const kind = code[pc + 1];
          const a = code[pc + 2];
          const b = code[pc + 3];
          const min = code[pc + 4];
          const max = code[pc + 5];
          const greedy = code[pc + 6] === 1;
          const back = code[pc + 7] === 1;
          let count = 0;
          let p = pos;
          let floor = pos;
          const limit = greedy ? max : min;
          while (count < limit) {
            const c = back ? readBack(s, p, len, unicode) : readFwd(s, p, len, unicode);
            if (c < 0 || !testKind(kind, a, b, c, sets)) break;
            if (--remaining < 0) outOfSteps(budget, state, stk);
            p = back ? p - (c > 0xffff ? 2 : 1) : p + (c > 0xffff ? 2 : 1);
            count++;
            if (count === min) floor = p;
          }
          if (count < min) {
            ok = false;
            break;
          }
          if (greedy ? count > min : count < max) {
            if (--remaining < 0) outOfSteps(budget, state, stk);
            if (sp + 4 > stk.length) stk = growStack(stk);
            stk[sp] = greedy ? Bt.STAR_GREEDY : Bt.STAR_LAZY;
            stk[sp + 1] = pc;
            stk[sp + 2] = p;
            stk[sp + 3] = greedy ? floor : count;
            sp += 4;
          }
          pos = p;
          pc += 8;
          break;
        }
        case Op.BACKREF: {
          const n = code[pc + 1];
          const back = code[pc + 2] === 1;
          const st = regs[2 * n];
          const en = regs[2 * n + 1];
          if (st < 0 || en < 0) {
            pc += 3;
            break;
          }
          const n2 = en - st;
          const at = back ? pos - n2 : pos;
          if (at < 0 || at + n2 > len) {
            ok = false;
            break;
          }
          remaining -= n2;
          if (remaining < 0) outOfSteps(budget, state, stk);
          if (canon === null) {
            for (let i = 0; i < n2; i++) {
              if (s.charCodeAt(st + i) !== s.charCodeAt(at + i)) {
                ok = false;
                break;
              }
            }
          } else {
            let i = 0;
            while (i < n2) {
              let c1 = s.charCodeAt(st + i);
              let c2 = s.charCodeAt(at + i);
              let w1 = 1;
              let w2 = 1;
              if (unicode) {
                if (isLead(c1) && i + 1 < n2 && isTrail(s.charCodeAt(st + i + 1))) {
                  c1 = ((c1 - 0xd800) << 10) + (s.charCodeAt(st + i + 1) - 0xdc00) + 0x10000;
                  w1 = 2;
                }
                if (isLead(c2) && i + 1 < n2 && isTrail(s.charCodeAt(at + i + 1))) {
                  c2 = ((c2 - 0xd800) << 10) + (s.charCodeAt(at + i + 1) - 0xdc00) + 0x10000;
                  w2 = 2;
                }
              }
              if (w1 !== w2 || (c1 !== c2 && canon(c1) !== canon(c2))) {
                ok = false;
                break;
              }
              i += w1;
            }
          }
          if (ok && unicode) {
            // Do not end (or, backward, start) inside a surrogate pair.
            const edge = back ? at : at + n2;
            if (edge > 0 && edge < len && isLead(s.charCodeAt(edge - 1)) && isTrail(s.charCodeAt(edge))) {
              ok = false;
            }
          }
          if (ok) {
            pos = back ? at : at + n2;
            pc += 3;
          }
          break;
        }
        case Op.LOOK:
          regs[code[pc + 2]] = sp;
          if (--remaining < 0) outOfSteps(budget, state, stk);
          if (sp + 4 > stk.length) stk = growStack(stk);
          stk[sp] = Bt.BARRIER;
          stk[sp + 1] = code[pc + 1];
          stk[sp + 2] = pos;
          stk[sp + 3] = code[pc + 3];
          sp += 4;
          pc += 4;
          break;
        case Op.LOOK_END: {
          const h = regs[code[pc + 2]];
          if (code[pc + 1] === 0) {
            // Positive: succeed; drop the body's choice points but keep its undo log.
            pos = stk[h + 2];
            let w = h;
            for (let r = h + 4; r < sp; r += 4) {
              if (--remaining < 0) outOfSteps(budget, state, stk);
              if (stk[r] === Bt.UNDO) {
                stk[w] = Bt.UNDO;
                stk[w + 1] = stk[r + 1];
                stk[w + 2] = stk[r + 2];
                w += 4;
              }
            }
            sp = w;
            pc += 3;
          } else {
            // Negative: the body matched, so the lookaround fails. Unwind to below
            // the barrier, restoring registers, then backtrack.
            while (sp > h + 4) {
              sp -= 4;
              if (--remaining < 0) outOfSteps(budget, state, stk);
              if (stk[sp] === Bt.UNDO) regs[stk[sp + 1]] = stk[sp + 2];
            }
            sp = h;
            ok = false;
          }
          break;
        }
        case Op.CLASS_EXPR: {
          const m = prog.stringClasses[code[pc + 1]];
          const back = code[pc + 2] === 1;
          const l = m.find(s, pos, back, m.maxUnits + 1);
          remaining -= m.lastCost;
          if (remaining < 0) outOfSteps(budget, state, stk);
          if (l < 0) {
            ok = false;
            break;
          }
          if (l > 0) {
            if (--remaining < 0) outOfSteps(budget, state, stk);
            if (sp + 4 > stk.length) stk = growStack(stk);
            stk[sp] = Bt.CLASS_EXPR;
            stk[sp + 1] = pc;
            stk[sp + 2] = pos;
            stk[sp + 3] = l;
            sp += 4;
          }
          pos = back ? pos - l : pos + l;
          pc += 3;
          break;
        }
        default:
          throw new Error(`regex VM: bad opcode ${code[pc]} at ${pc}`);
      }
      if (ok) continue;

      // ---- backtrack ----
      for (;;) {
        if (sp === 0) break vm;
        if (--remaining < 0) outOfSteps(budget, state, stk);
        sp -= 4;
        const kind = stk[sp];
        if (kind === Bt.UNDO) {
          regs[stk[sp + 1]] = stk[sp + 2];
          continue;
        }
        if (kind === Bt.CHOICE) {
          pc = stk[sp + 1];
          pos = stk[sp + 2];
          break;
        }
        if (kind === Bt.BARRIER) {
          if (stk[sp + 1] === 1) {
            pos = stk[sp + 2];
            pc = stk[sp + 3];
            break;
          }
          continue;
        }
        if (kind === Bt.CLASS_EXPR) {
          // Try the next shorter member at the same position.
          const cpc = stk[sp + 1];
          const m = prog.stringClasses[code[cpc + 1]];
          const back = code[cpc + 2] === 1;
          const at = stk[sp + 2];
          const l = m.find(s, at, back, stk[sp + 3]);
          remaining -= m.lastCost;
          if (remaining < 0) outOfSteps(budget, state, stk);
          if (l < 0) continue;
          stk[sp + 3] = l;
          if (l > 0) sp += 4;
          pos = back ? at - l : at + l;
          pc = cpc + 3;
          break;
        }
        const starPc = stk[sp + 1];
        const back = code[starPc + 7] === 1;
        let p = stk[sp + 2];
        if (kind === Bt.STAR_GREEDY) {
          const floor = stk[sp + 3];
          if (p === floor) continue;
          // Give back one character.
          if (!back) {
            p -= p - 2 >= floor && isTrail(s.charCodeAt(p - 1)) && isLead(s.charCodeAt(p - 2)) && unicode ? 2 : 1;
          } else {
            p += p + 2 <= floor && isLead(s.charCodeAt(p)) && isTrail(s.charCodeAt(p + 1)) && unicode ? 2 : 1;
          }
          stk[sp + 2] = p;
          if (p !== floor) sp += 4; // keep the entry for further give-backs
          pos = p;
          pc = starPc + 8;
          break;
        }
        // STAR_LAZY: take one more character.
        const count = stk[sp + 3];
        if (count >= code[starPc + 5]) continue;
        const c = back ? readBack(s, p, len, unicode) : readFwd(s, p, len, unicode);
        if (c < 0 || !testKind(code[starPc + 1], code[starPc + 2], code[starPc + 3], c, sets)) continue;
        p = back ? p - (c > 0xffff ? 2 : 1) : p + (c > 0xffff ? 2 : 1);
        stk[sp + 2] = p;
        stk[sp + 3] = count + 1;
        sp += 4;
        pos = p;
        pc = starPc + 8;
        break;
      }
    }
    if (matched) {
      budget.remaining = remaining;
      state.stack = stk;
      return true;
    }

    // ---- next start position ----
    if (stepBack && start === from - 1) {
      start = from;
      continue;
    }
    if (sticky || start >= len) {
      budget.remaining = remaining;
      state.stack = stk;
      return false;
    }
    start++;
  }
}
