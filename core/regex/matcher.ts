/**
 * The backtracking VM. All state lives in two typed arrays:
 *   - regs: capture registers (2 per group) and loop/lookaround registers;
 *   - the backtrack stack: fixed 4-int entries (kind, a, b, c).
 * Register writes are undo-logged on the stack, so backtracking to a choice point
 * restores exactly the registers as they were when it was pushed.
 *
 * Every instruction, every stack push and pop, and every character compared inside a
 * multi-character instruction costs one step from the budget; the stack can therefore
 * never hold more entries than the budget allowed. No host recursion anywhere.
 */
import { RegexBudgetError } from './errors';
import { AssertOp, Op, StarKind, type Program } from './program';
import { canonicalizer, WORD, WORD_UNICODE_IGNORE_CASE } from './unicode';
import { CharMatcher } from './charset';

export interface StepBudget {
  remaining: number;
}

const enum Bt {
  CHOICE, // a = pc, b = pos
  UNDO, // a = reg, b = old value
  BARRIER, // a = negative?1:0, b = pos at lookaround start, c = pc after the lookaround
  STAR_GREEDY, // a = pc of STAR, b = current pos, c = pos after the mandatory part
  STAR_LAZY, // a = pc of STAR, b = current pos, c = iterations so far
}

const WORD_MATCHER = new CharMatcher(WORD);
const WORD_UI_MATCHER = new CharMatcher(WORD_UNICODE_IGNORE_CASE);

function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** Reusable per-program scratch memory. */
export class MatcherState {
  regs: Int32Array;
  stack: Int32Array;
  constructor(readonly program: Program) {
    this.regs = new Int32Array(program.registerCount);
    this.stack = new Int32Array(256);
  }
}

/**
 * Runs the program anchored at `start`. Returns true on a match, leaving captures in
 * state.regs (regs[0], regs[1] = whole match).
 */
export function runAt(state: MatcherState, s: string, start: number, budget: StepBudget): boolean {
  const prog = state.program;
  const code = prog.code;
  const sets = prog.sets;
  const strings = prog.strings;
  const unicode = prog.unicode;
  const len = s.length;
  const regs = state.regs;
  let stk = state.stack;
  regs.fill(-1);
  let remaining = budget.remaining;
  let sp = 0;
  let pc = 0;
  let pos = start;
  const wordSet = prog.wordUnicodeIgnoreCase ? WORD_UI_MATCHER : WORD_MATCHER;
  const canon = prog.ignoreCase ? canonicalizer(unicode) : null;

  const exhausted = (): never => {
    budget.remaining = 0;
    state.stack = stk;
    throw new RegexBudgetError();
  };
  const grow = (): void => {
    const bigger = new Int32Array(stk.length * 2);
    bigger.set(stk);
    stk = bigger;
  };
  // Inline-ish helpers (closures over locals).
  const push = (kind: number, a: number, b: number, c: number): void => {
    if (--remaining < 0) exhausted();
    if (sp + 4 > stk.length) grow();
    stk[sp] = kind;
    stk[sp + 1] = a;
    stk[sp + 2] = b;
    stk[sp + 3] = c;
    sp += 4;
  };
  const setReg = (r: number, v: number): void => {
    push(Bt.UNDO, r, regs[r], 0);
    regs[r] = v;
  };
  /**
   * Character at p (forward): code point in unicode mode. -1 at the end, and (like
   * V8) in unicode mode when p is inside a surrogate pair.
   */
  const charAt = (p: number): number => {
    if (p >= len) return -1;
    const c = s.charCodeAt(p);
    if (unicode) {
      if (c >= 0xd800 && c <= 0xdbff && p + 1 < len) {
        const d = s.charCodeAt(p + 1);
        if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      } else if (c >= 0xdc00 && c <= 0xdfff && p > 0) {
        const b = s.charCodeAt(p - 1);
        if (b >= 0xd800 && b <= 0xdbff) return -1;
      }
    }
    return c;
  };
  /** Character ending at p (backward). -1 at the start or inside a pair (unicode). */
  const charBefore = (p: number): number => {
    if (p <= 0) return -1;
    const c = s.charCodeAt(p - 1);
    if (unicode) {
      if (c >= 0xdc00 && c <= 0xdfff && p - 2 >= 0) {
        const d = s.charCodeAt(p - 2);
        if (d >= 0xd800 && d <= 0xdbff) return ((d - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
      } else if (c >= 0xd800 && c <= 0xdbff && p < len) {
        const a = s.charCodeAt(p);
        if (a >= 0xdc00 && a <= 0xdfff) return -1;
      }
    }
    return c;
  };
  const testKind = (kind: number, a: number, b: number, c: number): boolean => {
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
  };
  const isWordAt = (p: number): boolean => {
    if (p < 0 || p >= len) return false;
    return wordSet.has(s.charCodeAt(p));
  };

  for (;;) {
    if (--remaining < 0) exhausted();
    let ok = true;
    switch (code[pc]) {
      case Op.MATCH:
        regs[0] = start;
        regs[1] = pos;
        budget.remaining = remaining;
        state.stack = stk;
        return true;
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
        const c = pos < len ? s.charCodeAt(pos) : -1;
        if (c >= 0 && (c === code[pc + 1] || c === code[pc + 2])) {
          pos++;
          pc += 3;
        } else ok = false;
        break;
      }
      case Op.CHAR2_B: {
        const c = pos > 0 ? s.charCodeAt(pos - 1) : -1;
        if (c >= 0 && (c === code[pc + 1] || c === code[pc + 2])) {
          pos--;
          pc += 3;
        } else ok = false;
        break;
      }
      case Op.SET: {
        const c = charAt(pos);
        if (c >= 0 && sets[code[pc + 1]].has(c)) {
          pos += c > 0xffff ? 2 : 1;
          pc += 2;
        } else ok = false;
        break;
      }
      case Op.SET_B: {
        const c = charBefore(pos);
        if (c >= 0 && sets[code[pc + 1]].has(c)) {
          pos -= c > 0xffff ? 2 : 1;
          pc += 2;
        } else ok = false;
        break;
      }
      case Op.ANY: {
        const c = charAt(pos);
        if (c >= 0) {
          pos += c > 0xffff ? 2 : 1;
          pc += 1;
        } else ok = false;
        break;
      }
      case Op.ANY_B: {
        const c = charBefore(pos);
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
        if (remaining < 0) exhausted();
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
        if (remaining < 0) exhausted();
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
            ok = isWordAt(pos - 1) !== isWordAt(pos);
            break;
          default:
            ok = isWordAt(pos - 1) === isWordAt(pos);
            break;
        }
        if (ok) pc += 2;
        break;
      }
      case Op.JMP:
        pc = code[pc + 1];
        break;
      case Op.PUSH:
        push(Bt.CHOICE, code[pc + 1], pos, 0);
        pc += 2;
        break;
      case Op.SAVE:
        setReg(code[pc + 1], pos);
        pc += 2;
        break;
      case Op.RESET: {
        const end = code[pc + 2];
        for (let r = code[pc + 1]; r < end; r++) if (regs[r] !== -1) setReg(r, -1);
        pc += 3;
        break;
      }
      case Op.LOOP_INIT:
        setReg(code[pc + 1], 0);
        pc += 2;
        break;
      case Op.LOOP: {
        const count = regs[code[pc + 1]];
        const min = code[pc + 2];
        const max = code[pc + 3];
        if (count < min) pc = code[pc + 5];
        else if (count >= max) pc = code[pc + 6];
        else if (code[pc + 4] === 1) {
          push(Bt.CHOICE, code[pc + 6], pos, 0);
          pc = code[pc + 5];
        } else {
          push(Bt.CHOICE, code[pc + 5], pos, 0);
          pc = code[pc + 6];
        }
        break;
      }
      case Op.LOOP_TAIL: {
        const r = code[pc + 1];
        const posReg = code[pc + 3];
        if (posReg >= 0 && regs[r] >= code[pc + 2] && regs[posReg] === pos) {
          ok = false;
          break;
        }
        setReg(r, regs[r] + 1);
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
        const limit = greedy ? max : min;
        while (count < limit) {
          const c = back ? charBefore(p) : charAt(p);
          if (c < 0 || !testKind(kind, a, b, c)) break;
          if (--remaining < 0) exhausted();
          p = back ? p - (c > 0xffff ? 2 : 1) : p + (c > 0xffff ? 2 : 1);
          count++;
        }
        if (count < min) {
          ok = false;
          break;
        }
        if (greedy) {
          if (count > min) {
            // Position after the mandatory part: recompute by walking min chars.
            let q = pos;
            for (let i = 0; i < min; i++) {
              const c = back ? charBefore(q) : charAt(q);
              q = back ? q - (c > 0xffff ? 2 : 1) : q + (c > 0xffff ? 2 : 1);
            }
            push(Bt.STAR_GREEDY, pc, p, q);
          }
        } else if (count < max) {
          push(Bt.STAR_LAZY, pc, p, count);
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
        const from = back ? pos - n2 : pos;
        if (from < 0 || from + n2 > len) {
          ok = false;
          break;
        }
        remaining -= n2;
        if (remaining < 0) exhausted();
        if (canon === null) {
          for (let i = 0; i < n2; i++) {
            if (s.charCodeAt(st + i) !== s.charCodeAt(from + i)) {
              ok = false;
              break;
            }
          }
        } else {
          let i = 0;
          while (i < n2) {
            const c1 = unicode ? charAt(st + i) : s.charCodeAt(st + i);
            const c2 = unicode ? charAt(from + i) : s.charCodeAt(from + i);
            const w1 = c1 > 0xffff ? 2 : 1;
            const w2 = c2 > 0xffff ? 2 : 1;
            if (w1 !== w2 || (c1 !== c2 && canon(c1) !== canon(c2))) {
              ok = false;
              break;
            }
            i += w1;
          }
        }
        if (ok && unicode) {
          // Do not end (or start, backward) in the middle of a surrogate pair.
          const edge = back ? from : from + n2;
          if (
            edge > 0 &&
            edge < len &&
            s.charCodeAt(edge - 1) >= 0xd800 &&
            s.charCodeAt(edge - 1) <= 0xdbff &&
            s.charCodeAt(edge) >= 0xdc00 &&
            s.charCodeAt(edge) <= 0xdfff
          ) {
            ok = false;
          }
        }
        if (ok) {
          pos = back ? from : from + n2;
          pc += 3;
        }
        break;
      }
      case Op.LOOK:
        regs[code[pc + 2]] = sp;
        push(Bt.BARRIER, code[pc + 1], pos, code[pc + 3]);
        pc += 4;
        break;
      case Op.LOOK_END: {
        const h = regs[code[pc + 2]];
        if (code[pc + 1] === 0) {
          // Positive: succeed, drop the body's choice points but keep its undo log.
          pos = stk[h + 2];
          let w = h;
          for (let r = h + 4; r < sp; r += 4) {
            if (--remaining < 0) exhausted();
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
            if (--remaining < 0) exhausted();
            if (stk[sp] === Bt.UNDO) regs[stk[sp + 1]] = stk[sp + 2];
          }
          sp = h;
          ok = false;
        }
        break;
      }
      default:
        throw new Error(`regex VM: bad opcode ${code[pc]} at ${pc}`);
    }
    if (ok) continue;

    // ---- backtrack ----
    for (;;) {
      if (sp === 0) {
        budget.remaining = remaining;
        state.stack = stk;
        return false;
      }
      if (--remaining < 0) exhausted();
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
      const starPc = stk[sp + 1];
      const back = code[starPc + 7] === 1;
      let p = stk[sp + 2];
      if (kind === Bt.STAR_GREEDY) {
        const floor = stk[sp + 3];
        if (p === floor) continue;
        // Give back one character.
        if (!back) {
          const c = charBefore(p);
          p -= c > 0xffff && p - 2 >= floor ? 2 : 1;
        } else {
          const c = charAt(p);
          p += c > 0xffff && p + 2 <= floor ? 2 : 1;
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
      const c = back ? charBefore(p) : charAt(p);
      if (c < 0 || !testKind(code[starPc + 1], code[starPc + 2], code[starPc + 3], c)) continue;
      p = back ? p - (c > 0xffff ? 2 : 1) : p + (c > 0xffff ? 2 : 1);
      stk[sp + 2] = p;
      stk[sp + 3] = count + 1;
      sp += 4;
      pos = p;
      pc = starPc + 8;
      break;
    }
  }
}
