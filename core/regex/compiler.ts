/**
 * AST -> Program. The tree walk uses an explicit task stack (closures run in order),
 * so pattern nesting depth never turns into host recursion depth.
 *
 * Direction: the body of a lookbehind is compiled "backward": sequences are emitted
 * right to left, character ops read the character before the position, captures save
 * their end first (the spec's direction = backward).
 */
import type { Node, ParsedRegex } from './ast';
import { mkAlt, mkChar, mkClass, mkSeq } from './ast';
import { CharMatcher, complement, intersect, normalize, union, type Ranges } from './charset';
import type { Flags } from './parser';
import { AssertOp, Op, StarKind, UNBOUNDED, type Program } from './program';
import { caseEquivalents, closeOverCase } from './unicode';
import { StringClassMatcher } from './strclass';

type Task = () => void;

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

function isEverything(set: Ranges, unicode: boolean): boolean {
  return set.length === 2 && set[0] === 0 && set[1] >= (unicode ? 0x10ffff : 0xffff);
}

/** A single-character matcher resolved from a char or class node. */
type CharTest =
  | { kind: StarKind.CHAR; a: number }
  | { kind: StarKind.CHAR2; a: number; b: number }
  | { kind: StarKind.SET; set: Ranges }
  | { kind: StarKind.ANY };

export function compile(parsed: ParsedRegex, flags: Flags): Program {
  const unicode = flags.unicode || flags.unicodeSets;
  const icase = flags.ignoreCase;
  const code: number[] = [];
  const sets: CharMatcher[] = [];
  const setIndex = new Map<string, number>();
  const strings: string[] = [];
  const stringClasses: StringClassMatcher[] = [];
  let registerCount = 2 * (parsed.groupCount + 1);

  const newReg = (): number => registerCount++;
  const emit = (...xs: number[]): number => {
    const at = code.length;
    for (const x of xs) code.push(x);
    return at;
  };
  const addSet = (set: Ranges): number => {
    const key = set.join(',');
    let k = setIndex.get(key);
    if (k === undefined) {
      k = sets.length;
      sets.push(new CharMatcher(set));
      setIndex.set(key, k);
    }
    return k;
  };
  const addString = (s: string): number => {
    strings.push(s);
    return strings.length - 1;
  };

  const usableAsUnit = (c: number): boolean => c <= 0xffff && !(unicode && isSurrogate(c));

  const testForChar = (cp: number): CharTest => {
    const eq = icase ? caseEquivalents(cp, unicode) : [cp];
    if (eq.every(usableAsUnit)) {
      if (eq.length === 1) return { kind: StarKind.CHAR, a: eq[0] };
      if (eq.length === 2) return { kind: StarKind.CHAR2, a: eq[0], b: eq[1] };
    }
    const pairs: number[] = [];
    for (const c of eq) pairs.push(c, c);
    return { kind: StarKind.SET, set: pairs.sort((x, y) => x - y) };
  };

  const testForClass = (ranges: Ranges, negated: boolean): CharTest => {
    let set: Ranges = icase ? closeOverCase(ranges, unicode) : ranges;
    if (negated) set = complement(set);
    if (isEverything(set, unicode)) return { kind: StarKind.ANY };
    if (set.length === 2 && set[0] === set[1] && usableAsUnit(set[0])) return { kind: StarKind.CHAR, a: set[0] };
    return { kind: StarKind.SET, set };
  };

  const emitTest = (t: CharTest, back: boolean): void => {
    switch (t.kind) {
      case StarKind.CHAR:
        emit(back ? Op.CHAR_B : Op.CHAR, t.a);
        break;
      case StarKind.CHAR2:
        emit(back ? Op.CHAR2_B : Op.CHAR2, t.a, t.b);
        break;
      case StarKind.SET:
        emit(back ? Op.SET_B : Op.SET, addSet(t.set));
        break;
      case StarKind.ANY:
        emit(back ? Op.ANY_B : Op.ANY);
        break;
    }
  };

  /** Class with strings (v mode): longest strings first, then single characters. */
  const expandClassStrings = (n: Node & { type: 'class' }): Node => {
    const strs = [...(n.strings ?? [])].sort((a, b) => [...b].length - [...a].length);
    const alts: Node[] = [];
    let emptyAlt = false;
    for (const s of strs) {
      const cps = [...s].map((c) => c.codePointAt(0)!);
      if (cps.length === 0) emptyAlt = true;
      else alts.push(mkSeq(cps.map(mkChar)));
    }
    if (n.ranges.length > 0) alts.push(mkClass(n.ranges, false));
    if (emptyAlt) alts.push(mkSeq([]));
    if (alts.length === 0) return mkClass([], false);
    return mkAlt(alts);
  };

  const tasks: Task[] = [];
  /** Schedules `fns` to run in order (before anything already scheduled). */
  const then = (...fns: Task[]): void => {
    for (let i = fns.length - 1; i >= 0; i--) tasks.push(fns[i]);
  };

  const gen = (n: Node, back: boolean): void => {
    switch (n.type) {
      case 'empty':
        return;
      case 'char':
        if (!icase && unicode && n.cp > 0xffff) {
          emit(back ? Op.STR_B : Op.STR, addString(String.fromCodePoint(n.cp)));
        } else {
          emitTest(testForChar(n.cp), back);
        }
        return;
      case 'class':
        if (n.expr) {
          stringClasses.push(new StringClassMatcher(n.expr, icase));
          emit(Op.CLASS_EXPR, stringClasses.length - 1, back ? 1 : 0);
          return;
        }
        if (n.strings) {
          const alt = expandClassStrings(n);
          then(() => gen(alt, back));
          return;
        }
        emitTest(testForClass(n.ranges, n.negated), back);
        return;
      case 'seq': {
        const items = back ? [...n.items].reverse() : n.items;
        const fns: Task[] = [];
        let i = 0;
        while (i < items.length) {
          // Merge runs of literal characters into one string compare.
          let j = i;
          let run = '';
          if (!icase) {
            while (j < items.length) {
              const it = items[j];
              if (it.type !== 'char' || (unicode && isSurrogate(it.cp))) break;
              run = back ? String.fromCodePoint(it.cp) + run : run + String.fromCodePoint(it.cp);
              j++;
            }
          }
          if (j - i >= 2) {
            const s = run;
            fns.push(() => emit(back ? Op.STR_B : Op.STR, addString(s)));
            i = j;
          } else {
            const it = items[i];
            fns.push(() => gen(it, back));
            i++;
          }
        }
        then(...fns);
        return;
      }
      case 'alt': {
        const fns: Task[] = [];
        const endJumps: number[] = [];
        n.alts.forEach((a, idx) => {
          const last = idx === n.alts.length - 1;
          let push = -1;
          fns.push(() => {
            if (!last) push = emit(Op.PUSH, -1);
          });
          fns.push(() => gen(a, back));
          fns.push(() => {
            if (!last) {
              endJumps.push(emit(Op.JMP, -1));
              code[push + 1] = code.length;
            } else {
              for (const j of endJumps) code[j + 1] = code.length;
            }
          });
        });
        then(...fns);
        return;
      }
      case 'group': {
        const startReg = 2 * n.index;
        const endReg = startReg + 1;
        then(
          () => emit(Op.SAVE, back ? endReg : startReg),
          () => gen(n.body, back),
          () => emit(Op.SAVE, back ? startReg : endReg),
        );
        return;
      }
      case 'look': {
        const saveReg = newReg();
        let at = -1;
        then(
          () => {
            at = emit(Op.LOOK, n.negative ? 1 : 0, saveReg, -1);
          },
          () => gen(n.body, n.behind),
          () => {
            emit(Op.LOOK_END, n.negative ? 1 : 0, saveReg);
            code[at + 3] = code.length;
          },
        );
        return;
      }
      case 'backref':
        emit(Op.BACKREF, n.index, back ? 1 : 0);
        return;
      case 'assert': {
        const kind = {
          start: AssertOp.START,
          end: AssertOp.END,
          startLine: AssertOp.START_LINE,
          endLine: AssertOp.END_LINE,
          wordBoundary: AssertOp.WORD_BOUNDARY,
          notWordBoundary: AssertOp.NOT_WORD_BOUNDARY,
        }[n.kind];
        emit(Op.ASSERT, kind);
        return;
      }
      case 'quant':
        genQuant(n, back);
        return;
    }
  };

  const genQuant = (n: Node & { type: 'quant' }, back: boolean): void => {
    const { min, body, greedy } = n;
    const max = n.max === Infinity ? UNBOUNDED : n.max;
    if (max === 0) return;
    if (body.zeroWidth) {
      // Every iteration matches empty at the same position: one mandatory
      // iteration is equivalent to any number, and an optional one never helps.
      if (min > 0) then(() => gen(body, back));
      return;
    }
    // Single-character loops without captures: one instruction, one backtrack entry.
    let test: CharTest | null = null;
    if (body.type === 'char' && !(unicode && !icase && body.cp > 0xffff)) test = testForChar(body.cp);
    else if (body.type === 'class' && !body.strings && !body.expr) test = testForClass(body.ranges, body.negated);
    if (test) {
      const a = test.kind === StarKind.CHAR || test.kind === StarKind.CHAR2 ? test.a : 0;
      const b =
        test.kind === StarKind.CHAR2 ? test.b : test.kind === StarKind.SET ? addSet(test.set) : 0;
      emit(Op.STAR, test.kind, a, b, Math.min(min, UNBOUNDED), max, greedy ? 1 : 0, back ? 1 : 0);
      return;
    }
    const hasCaps = body.capHi > body.capLo;
    const posReg = body.nullable ? newReg() : -1;
    const iterationStart = (): void => {
      if (hasCaps) emit(Op.RESET, 2 * body.capLo, 2 * body.capHi);
      if (posReg >= 0) emit(Op.SAVE, posReg);
    };
    if (min === 0 && max === 1) {
      let push = -1;
      let jmp = -1;
      then(
        () => {
          if (greedy) {
            push = emit(Op.PUSH, -1);
          } else {
            push = emit(Op.PUSH, -1);
            jmp = emit(Op.JMP, -1);
            code[push + 1] = code.length;
          }
          iterationStart();
        },
        () => gen(body, back),
        () => {
          if (posReg >= 0) emit(Op.PROGRESS, posReg);
          if (greedy) code[push + 1] = code.length;
          else code[jmp + 1] = code.length;
        },
      );
      return;
    }
    if (min === 0 && max === UNBOUNDED) {
      let head = -1;
      let push = -1;
      let jmp = -1;
      then(
        () => {
          head = code.length;
          push = emit(Op.PUSH, -1);
          if (!greedy) {
            jmp = emit(Op.JMP, -1);
            code[push + 1] = code.length;
          }
          iterationStart();
        },
        () => gen(body, back),
        () => {
          if (posReg >= 0) emit(Op.PROGRESS, posReg);
          emit(Op.JMP, head);
          if (greedy) code[push + 1] = code.length;
          else code[jmp + 1] = code.length;
        },
      );
      return;
    }
    const cnt = newReg();
    let head = -1;
    then(
      () => {
        emit(Op.LOOP_INIT, cnt);
        head = emit(Op.LOOP, cnt, Math.min(min, UNBOUNDED), max, greedy ? 1 : 0, -1, -1);
        code[head + 5] = code.length;
        iterationStart();
      },
      () => gen(body, back),
      () => {
        emit(Op.LOOP_TAIL, cnt, Math.min(min, UNBOUNDED), posReg, head);
        code[head + 6] = code.length;
      },
    );
  };

  /** First code units of a match of n, and whether n can match empty; null if unknown. */
  const firstOf = (n: Node, depth: number): { set: number[]; nullable: boolean } | null => {
    if (depth > 64) return null;
    const unitsOf = (t: CharTest): number[] => {
      switch (t.kind) {
        case StarKind.CHAR:
          return [t.a, t.a];
        case StarKind.CHAR2:
          return normalize([t.a, t.a, t.b, t.b]);
        case StarKind.SET: {
          const bmp = intersect(t.set, [0, 0xffff]);
          return t.set.length > 0 && t.set[t.set.length - 1] > 0xffff ? union(bmp, [0xd800, 0xdbff]) : bmp;
        }
        default:
          return [0, 0xffff];
      }
    };
    switch (n.type) {
      case 'empty':
      case 'assert':
      case 'look':
        return { set: [], nullable: true };
      case 'backref':
        return null;
      case 'char':
        if (!icase && unicode && n.cp > 0xffff) {
          const lead = 0xd800 + ((n.cp - 0x10000) >> 10);
          return { set: [lead, lead], nullable: false };
        }
        return { set: unitsOf(testForChar(n.cp)), nullable: false };
      case 'class':
        if (n.strings || n.expr) return null;
        return { set: unitsOf(testForClass(n.ranges, n.negated)), nullable: false };
      case 'group':
        return firstOf(n.body, depth + 1);
      case 'quant': {
        if (n.max === 0) return { set: [], nullable: true };
        const f = firstOf(n.body, depth + 1);
        return f && { set: f.set, nullable: n.min === 0 || f.nullable };
      }
      case 'seq': {
        let acc: number[] = [];
        for (const it of n.items) {
          const f = firstOf(it, depth + 1);
          if (!f) return null;
          acc = union(acc, f.set);
          if (!f.nullable) return { set: acc, nullable: false };
        }
        return { set: acc, nullable: true };
      }
      case 'alt': {
        let acc: number[] = [];
        let nullable = false;
        for (const a of n.alts) {
          const f = firstOf(a, depth + 1);
          if (!f) return null;
          acc = union(acc, f.set);
          nullable ||= f.nullable;
        }
        return { set: acc, nullable };
      }
    }
  };
  const first = firstOf(parsed.root, 0);
  const firstChars =
    first && !first.nullable && !isEverything(first.set, false) ? new CharMatcher(first.set) : null;

  // Whole program: the match is group 0; the VM records its bounds itself.
  then(
    () => gen(parsed.root, false),
    () => emit(Op.MATCH),
  );
  while (tasks.length > 0) tasks.pop()!();

  return {
    code: Int32Array.from(code),
    sets,
    strings,
    stringClasses,
    registerCount,
    groupCount: parsed.groupCount,
    unicode,
    ignoreCase: icase,
    wordUnicodeIgnoreCase: unicode && icase,
    firstChars,
    prefix: icase ? '' : literalPrefix(parsed.root, unicode),
    anchoredStart: isAnchoredStart(parsed.root),
    literalAstralAtom: unicode && !icase && parsed.root.type === 'char' && parsed.root.cp > 0xffff,
  };
}

/** The literal text every match must begin with (non-ignoreCase only). */
function literalPrefix(root: Node, unicode: boolean): string {
  let n = root;
  let out = '';
  for (;;) {
    if (n.type === 'char') {
      if (unicode && isSurrogate(n.cp)) return out;
      return out + String.fromCodePoint(n.cp);
    }
    if (n.type === 'group') {
      n = n.body;
      continue;
    }
    if (n.type !== 'seq') return out;
    let descend: Node | null = null;
    for (const it of n.items) {
      if (it.type === 'char' && !(unicode && isSurrogate(it.cp))) {
        out += String.fromCodePoint(it.cp);
        continue;
      }
      // Descend into the first non-literal element only if it is a group or
      // sequence, and stop after it.
      if (it.type === 'group' || it.type === 'seq') descend = it;
      break;
    }
    if (!descend) return out;
    n = descend;
  }
}

function isAnchoredStart(root: Node): boolean {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'assert' && n.kind === 'start') continue;
    if (n.type === 'seq' && n.items.length > 0) {
      stack.push(n.items[0]);
      continue;
    }
    if (n.type === 'alt') {
      stack.push(...n.alts);
      continue;
    }
    if (n.type === 'group') {
      stack.push(n.body);
      continue;
    }
    return false;
  }
  return true;
}
