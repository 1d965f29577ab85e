/**
 * Capsule's own regular-expression engine: ECMAScript (V8-exact) semantics, run by a
 * backtracking VM with an explicit stack and a step budget, so a guest pattern can
 * never hang or crash the host. See docs/REGEX.md.
 */
import { compile } from './compiler';
import { RegexBudgetError, RegexSyntaxError } from './errors';
import { execProgram, MatcherState, type StepBudget } from './matcher';
import { parseFlags, parsePattern } from './parser';
import type { Program } from './program';

export { RegexBudgetError, RegexSyntaxError };
export type { StepBudget };

export interface CompiledRegex {
  /** The pattern text exactly as given. */
  readonly source: string;
  /** The flags in canonical order ("dgimsuvy"). */
  readonly flags: string;
  readonly groupCount: number;
  /** Index 1..groupCount (index 0 is always undefined). */
  readonly groupNames: readonly (string | undefined)[];
}

export interface RegexMatch {
  index: number;
  end: number;
  /** [start0, end0, start1, end1, ...]; -1 for groups that did not participate. */
  captures: Int32Array;
}

class Compiled implements CompiledRegex {
  readonly state: MatcherState;
  readonly sticky: boolean;
  readonly global: boolean;
  constructor(
    readonly source: string,
    readonly flags: string,
    readonly groupCount: number,
    readonly groupNames: readonly (string | undefined)[],
    readonly program: Program,
  ) {
    this.state = new MatcherState(program);
    this.sticky = flags.includes('y');
    this.global = flags.includes('g');
  }
}

function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/**
 * The value of `RegExp.prototype.source` for a pattern, exactly as V8 computes it:
 * `(?:)` for the empty pattern, `/` escaped outside classes, line terminators escaped.
 */
export function escapeRegexSource(source: string): string {
  if (source.length === 0) return '(?:)';
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      if (i + 1 < source.length && isLineTerminator(source.charCodeAt(i + 1))) {
        i++; // the line terminator itself gets escaped next
        continue;
      }
      out += source[i++];
      if (i === source.length) break;
    } else if (c === 0x2f /* / */ && !inClass) {
      out += '\\';
    } else if (c === 0x5b) {
      inClass = true;
    } else if (c === 0x5d) {
      inClass = false;
    } else if (c === 0x0a) {
      out += '\\n';
      i++;
      continue;
    } else if (c === 0x0d) {
      out += '\\r';
      i++;
      continue;
    } else if (c === 0x2028 || c === 0x2029) {
      out += c === 0x2028 ? '\\u2028' : '\\u2029';
      i++;
      continue;
    }
    out += source[i++];
  }
  return out;
}

/** Parses and compiles a pattern. Throws {@link RegexSyntaxError} with V8's message. */
export function compileRegex(source: string, flags: string): CompiledRegex {
  const f = parseFlags(flags);
  let parsed;
  try {
    parsed = parsePattern(source, f.flags);
  } catch (e) {
    if (e instanceof RegexSyntaxError) {
      throw new RegexSyntaxError(`Invalid regular expression: /${source}/${f.canonical}: ${e.message}`);
    }
    throw e;
  }
  const program = compile(parsed, f.flags);
  return new Compiled(source, f.canonical, parsed.groupCount, Object.freeze(parsed.groupNames), program);
}

/**
 * Finds the first match starting at or after `lastIndex` (only at `lastIndex` for
 * sticky regexes); null if none. The caller decides what lastIndex to pass (0 for
 * non-global, non-sticky use, exactly as RegExpBuiltinExec does) and how to update it.
 * Unicode (u/v) positions behave as in V8: see docs/REGEX.md. Throws
 * {@link RegexBudgetError} when `budget` runs out (budget.remaining is then 0).
 */
export function execRegex(
  re: CompiledRegex,
  input: string,
  lastIndex: number,
  budget: StepBudget,
): RegexMatch | null {
  if (!(re instanceof Compiled)) throw new TypeError('execRegex: not a compiled regex');
  const prog = re.program;
  const len = input.length;
  const p = lastIndex > 0 ? Math.floor(lastIndex) : 0;
  if (p > len) return null;
  // V8: with u/v and g/y, a start inside a surrogate pair first tries from the pair's
  // start, then from the given position. Scanning then advances by code unit (a
  // consuming pattern cannot match inside a pair anyway).
  let stepBack = false;
  if (prog.unicode && p > 0 && p < len && (re.sticky || (re.global && !prog.literalAstralAtom))) {
    const c = input.charCodeAt(p - 1);
    const d = input.charCodeAt(p);
    stepBack = c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
  }

  if (!execProgram(re.state, input, p, budget, re.sticky, stepBack)) return null;
  const captures = new Int32Array(2 * (prog.groupCount + 1));
  const regs = re.state.regs;
  captures[0] = regs[0];
  captures[1] = regs[1];
  for (let g = 1; g <= prog.groupCount; g++) {
    const st = regs[2 * g];
    const en = regs[2 * g + 1];
    const ok = st >= 0 && en >= 0;
    captures[2 * g] = ok ? st : -1;
    captures[2 * g + 1] = ok ? en : -1;
  }
  return { index: captures[0], end: captures[1], captures };
}
