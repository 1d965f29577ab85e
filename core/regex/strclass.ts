/**
 * `v`-mode classes that involve properties of strings (`\p{RGI_Emoji}` and friends).
 * Their members cannot be enumerated from the host, so such a class is kept as a set
 * expression and evaluated per candidate: at a position, candidate lengths are tried
 * longest first (the spec's order for classes with strings), and membership is decided
 * by the expression, with property leaves answered by the host's RegExp for that single
 * fixed property (`^\p{Name}$` with `v`: linear, never guest pattern text).
 */
import { has, type Ranges } from './charset';
import { canonicalizer, caseEquivalents } from './unicode';

export type SetExpr =
  | { op: 'leaf'; ranges: Ranges; strings: Map<string, string> }
  | { op: 'prop'; name: string }
  | { op: 'union' | 'inter' | 'sub'; args: SetExpr[] }
  | { op: 'not'; arg: SetExpr };

/** Longest member of any property of strings, in code units (the longest RGI emoji ZWJ sequences are ~15). */
const PROP_MAX_UNITS = 40;

const stringPropertyCache = new Map<string, RegExp | null>();

/** The host probe for a property of strings, or null if `name` is not one. */
export function stringPropertyProbe(name: string): RegExp | null {
  if (stringPropertyCache.has(name)) return stringPropertyCache.get(name)!;
  let probe: RegExp | null = null;
  if (/^[A-Za-z_]+$/.test(name)) {
    try {
      new RegExp(`\\p{${name}}`, 'u');
      probe = null; // a code point property: not a property of strings
    } catch {
      try {
        probe = new RegExp(`^\\p{${name}}$`, 'v');
      } catch {
        probe = null;
      }
    }
  }
  stringPropertyCache.set(name, probe);
  return probe;
}

function maxUnits(e: SetExpr): number {
  switch (e.op) {
    case 'leaf': {
      let m = e.ranges.length > 0 ? (e.ranges[e.ranges.length - 1] > 0xffff ? 2 : 1) : 0;
      for (const s of e.strings.values()) m = Math.max(m, s.length);
      return m;
    }
    case 'prop':
      return PROP_MAX_UNITS;
    case 'not':
      return 2;
    case 'union':
      return Math.max(0, ...e.args.map(maxUnits));
    case 'inter':
      return Math.min(...e.args.map(maxUnits));
    case 'sub':
      return maxUnits(e.args[0]);
  }
}

export class StringClassMatcher {
  readonly maxUnits: number;
  /** Steps the last find() cost. */
  lastCost = 0;
  private readonly fold: ((c: number) => number) | null;
  constructor(
    readonly expr: SetExpr,
    readonly ignoreCase: boolean,
  ) {
    this.maxUnits = maxUnits(expr);
    this.fold = ignoreCase ? canonicalizer(true) : null;
  }

  private key(str: string): string {
    if (!this.fold) return str;
    let out = '';
    for (const ch of str) out += String.fromCodePoint(this.fold(ch.codePointAt(0)!));
    return out;
  }

  private evalExpr(e: SetExpr, str: string, cp: number, key: string): boolean {
    switch (e.op) {
      case 'leaf':
        return cp >= 0 ? has(e.ranges, cp) : e.strings.has(key);
      case 'prop':
        return stringPropertyProbe(e.name)!.test(str);
      case 'not':
        return cp >= 0 && !this.evalExpr(e.arg, str, cp, key);
      case 'union':
        return e.args.some((a) => this.evalExpr(a, str, cp, key));
      case 'inter':
        return e.args.every((a) => this.evalExpr(a, str, cp, key));
      case 'sub':
        return this.evalExpr(e.args[0], str, cp, key) && !e.args.slice(1).some((a) => this.evalExpr(a, str, cp, key));
    }
  }

  member(str: string): boolean {
    const cps = [...str];
    if (cps.length === 1) {
      const cp = str.codePointAt(0)!;
      const variants = this.ignoreCase ? caseEquivalents(cp, true) : [cp];
      return variants.some((v) => {
        const s = String.fromCodePoint(v);
        return this.evalExpr(this.expr, s, v, s);
      });
    }
    return this.evalExpr(this.expr, str, -1, this.key(str));
  }

  /**
   * The longest member length (in code units) strictly below `below` that matches at
   * `pos` (ending at `pos` when `back`), or -1. Never splits a surrogate pair.
   */
  find(s: string, pos: number, back: boolean, below: number): number {
    const len = s.length;
    const isPairAt = (i: number): boolean =>
      i > 0 && i < len && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff &&
      s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff;
    let cost = 1;
    let result = -1;
    if (!isPairAt(pos)) {
      const room = back ? pos : len - pos;
      for (let l = Math.min(below - 1, this.maxUnits, room); l >= 0; l--) {
        const edge = back ? pos - l : pos + l;
        if (isPairAt(edge)) continue;
        cost += l + 1;
        const str = back ? s.slice(edge, pos) : s.slice(pos, edge);
        if (this.member(str)) {
          result = l;
          break;
        }
      }
    }
    this.lastCost = cost;
    return result;
  }
}
