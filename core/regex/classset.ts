/**
 * `v`-mode character classes: nested classes, `--` / `&&` set operations and `\q{...}`
 * string disjunctions. Follows V8's parser for acceptance and error messages.
 *
 * With `i`, class escapes, nested classes and whole unions are closed over case
 * equivalence before set operations, but (like Node 20's V8) single characters and
 * `\q{}` characters used directly as `--` / `&&` operands are not. Matching closes the
 * final set again, as for any class under `i`. Strings are kept in a case-folded form.
 */
import { mkClass, type Node } from './ast';
import { complement, intersect, normalize, subtract, union } from './charset';
import { END, Msg, type Parser } from './parser';
import { canonicalizer, closeOverCase } from './unicode';
import { StringClassMatcher, stringPropertyProbe, type SetExpr } from './strclass';

interface ClassValue {
  ranges: number[];
  /** Strings that are not exactly one code point (key: folded form when `i`). */
  strings: Map<string, string>;
  mayContainStrings: boolean;
  /** V8 (Node 20) considers the maximum match length of this operand to be 0. */
  v8Zero: boolean;
  /** Set when a property of strings is involved: the value as an expression. */
  expr?: SetExpr;
}

function toExpr(v: ClassValue): SetExpr {
  return v.expr ?? { op: 'leaf', ranges: v.ranges, strings: new Map(v.strings) };
}

/** At `\p` (v mode): consumes `\p{Name}` if Name is a property of strings. */
export function tryParseStringProperty(p: Parser): SetExpr | null {
  if (p.next() !== 0x70) return null;
  const rest = p.src.slice(p.pos + 2);
  const m = /^\{([A-Za-z_]+)\}/.exec(rest);
  if (!m || !stringPropertyProbe(m[1])) return null;
  for (let i = 0; i < m[0].length + 2; i++) p.advance();
  return { op: 'prop', name: m[1] };
}

const enum OperandType {
  Character,
  StringDisjunction,
  Nested,
  ClassEscape,
  Range,
}

const SYNTAX = new Set('()[]{}/-\\|'.split('').map((c) => c.charCodeAt(0)));
const DOUBLE_PUNCT = new Set('&!#$%*+,.:;<=>?@^`~'.split('').map((c) => c.charCodeAt(0)));

function isReservedDouble(p: Parser, c: number): boolean {
  return DOUBLE_PUNCT.has(c) && p.next() === c;
}

function foldKey(p: Parser, s: string): string {
  if (!p.ignoreCase) return s;
  const canon = canonicalizer(true);
  let out = '';
  for (const ch of s) out += String.fromCodePoint(canon(ch.codePointAt(0)!));
  return out;
}

function leafChars(p: Parser, ranges: number[]): number[] {
  const r = normalize(ranges);
  return p.ignoreCase ? closeOverCase(r, true) : r;
}

function parseClassSetCharacter(p: Parser): number {
  const c = p.cur;
  if (c === 0x5c) {
    const n = p.next();
    if (n === 0x62) {
      p.advance2();
      return 0x08;
    }
    if (n === END) p.error(Msg.EscapeAtEndOfPattern);
    return p.parseCharacterEscape(true);
  }
  if (SYNTAX.has(c)) p.error(Msg.InvalidCharacterInClass);
  if (isReservedDouble(p, c)) p.error(Msg.InvalidClassSetOperation);
  p.advance();
  return c;
}

function parseStringDisjunction(p: Parser): ClassValue {
  p.advance2();
  if (p.cur !== 0x7b) p.error(Msg.InvalidEscape);
  p.advance();
  const chars: number[] = [];
  const strings = new Map<string, string>();
  let current: number[] = [];
  const flush = (): void => {
    if (current.length === 1) chars.push(current[0], current[0]);
    else {
      const s = String.fromCodePoint(...current);
      strings.set(foldKey(p, s), s);
    }
    current = [];
  };
  while (p.hasMore() && p.c() !== 0x7d) {
    if (p.c() === 0x7c) {
      flush();
      p.advance();
    } else {
      current.push(parseClassSetCharacter(p));
    }
  }
  flush();
  if (!p.hasMore()) p.error(Msg.UnterminatedCharacterClass);
  p.advance();
  const zero = chars.length === 0 && [...strings.keys()].every((k) => k === '');
  return { ranges: normalize(chars), strings, mayContainStrings: strings.size > 0, v8Zero: zero };
}

function parseOperand(p: Parser): { type: OperandType; value: ClassValue; char: number } {
  const c = p.cur;
  if (c === 0x5c) {
    const n = p.next();
    if (n === 0x62) {
      p.advance2();
      return { type: OperandType.Character, value: charValue(p, 0x08), char: 0x08 };
    }
    if (n === 0x71 /* q */) {
      return { type: OperandType.StringDisjunction, value: parseStringDisjunction(p), char: -1 };
    }
    if (n === END) p.error(Msg.EscapeAtEndOfPattern);
    const prop = tryParseStringProperty(p);
    if (prop) {
      return {
        type: OperandType.ClassEscape,
        value: { ranges: [], strings: new Map(), mayContainStrings: true, v8Zero: false, expr: prop },
        char: -1,
      };
    }
    const out: number[] = [];
    if (p.tryParseCharacterClassEscape(n, true, out)) {
      return {
        type: OperandType.ClassEscape,
        value: { ranges: leafChars(p, out), strings: new Map(), mayContainStrings: false, v8Zero: false },
        char: -1,
      };
    }
    const ch = p.parseCharacterEscape(true);
    return { type: OperandType.Character, value: charValue(p, ch), char: ch };
  }
  if (c === 0x5b) {
    return { type: OperandType.Nested, value: parseNestedClass(p), char: -1 };
  }
  if (SYNTAX.has(c)) p.error(Msg.InvalidCharacterInClass);
  if (isReservedDouble(p, c)) p.error(Msg.InvalidClassSetOperation);
  p.advance();
  return { type: OperandType.Character, value: charValue(p, c), char: c };
}

function charValue(p: Parser, c: number): ClassValue {
  return { ranges: [c, c], strings: new Map(), mayContainStrings: false, v8Zero: false };
}

function unionInto(acc: ClassValue, v: ClassValue): void {
  acc.ranges = union(acc.ranges, v.ranges);
  for (const [k, s] of v.strings) acc.strings.set(k, s);
  acc.mayContainStrings ||= v.mayContainStrings;
  acc.v8Zero &&= v.v8Zero;
}

/** At `[`: parses a whole (possibly nested) class and returns its value. */
function parseNestedClass(p: Parser): ClassValue {
  p.advance();
  let negated = false;
  if (p.cur === 0x5e) {
    negated = true;
    p.advance();
  }
  if (p.cur === 0x5d) {
    p.advance();
    return finish(p, { ranges: [], strings: new Map(), mayContainStrings: false, v8Zero: true }, negated);
  }
  const first = parseOperand(p);
  if (p.cur === 0x2d && p.next() === 0x2d) return parseSubtraction(p, negated, first.value);
  if (p.cur === 0x26 && p.next() === 0x26) return parseIntersection(p, negated, first.value);
  return parseUnion(p, negated, first);
}

function finish(p: Parser, v: ClassValue, negated: boolean): ClassValue {
  if (negated) {
    if (v.mayContainStrings) p.error(Msg.NegatedCharacterClassWithStrings);
    if (v.expr) {
      return { ranges: [], strings: new Map(), mayContainStrings: false, v8Zero: v.v8Zero, expr: { op: 'not', arg: v.expr } };
    }
    return { ranges: complement(v.ranges), strings: new Map(), mayContainStrings: false, v8Zero: v.v8Zero };
  }
  return v;
}

function parseUnion(
  p: Parser,
  negated: boolean,
  first: { type: OperandType; value: ClassValue; char: number },
): ClassValue {
  const acc: ClassValue = { ranges: [], strings: new Map(), mayContainStrings: false, v8Zero: true };
  const operands: ClassValue[] = [];
  let lastType = first.type;
  let lastChar = first.char;
  let pending: ClassValue | null = first.value;
  while (p.hasMore() && p.cur !== 0x5d) {
    if (p.cur === 0x2d) {
      if (p.next() === 0x2d) p.error(Msg.InvalidClassSetOperation);
      p.advance();
      if (!p.hasMore()) break;
      if (lastType !== OperandType.Character) p.error(Msg.InvalidCharacterClass);
      const rhs = parseOperand(p);
      if (rhs.type !== OperandType.Character) p.error(Msg.InvalidCharacterClass);
      if (lastChar > rhs.char) p.error(Msg.OutOfOrderCharacterClass);
      // Replace the pending single character by the range.
      pending = {
        ranges: [lastChar, rhs.char],
        strings: new Map(),
        mayContainStrings: false,
        v8Zero: false,
      };
      lastType = OperandType.Range;
      lastChar = -1;
    } else {
      if (pending) {
        unionInto(acc, pending);
        operands.push(pending);
      }
      const op = parseOperand(p);
      pending = op.value;
      lastType = op.type;
      lastChar = op.char;
    }
  }
  if (!p.hasMore()) p.error(Msg.UnterminatedCharacterClass);
  if (pending) {
    unionInto(acc, pending);
    operands.push(pending);
  }
  acc.ranges = leafChars(p, acc.ranges);
  if (operands.some((o) => o.expr)) {
    acc.expr = {
      op: 'union',
      args: operands.map((o) => (o.expr ? o.expr : { op: 'leaf', ranges: leafChars(p, o.ranges), strings: o.strings })),
    };
  }
  p.advance();
  return finish(p, acc, negated);
}

function parseIntersection(p: Parser, negated: boolean, first: ClassValue): ClassValue {
  const acc: ClassValue = {
    ranges: first.ranges,
    strings: new Map(first.strings),
    mayContainStrings: first.mayContainStrings,
    v8Zero: first.v8Zero,
    expr: first.expr,
  };
  while (p.hasMore() && p.cur !== 0x5d) {
    if (p.cur !== 0x26 || p.next() !== 0x26) p.error(Msg.InvalidClassSetOperation);
    p.advance2();
    if (p.cur === 0x26) p.error(Msg.InvalidCharacterInClass);
    const op = parseOperand(p).value;
    if (acc.expr || op.expr) acc.expr = { op: 'inter', args: [toExpr(acc), toExpr(op)] };
    acc.ranges = intersect(acc.ranges, op.ranges);
    for (const k of [...acc.strings.keys()]) if (!op.strings.has(k)) acc.strings.delete(k);
    acc.mayContainStrings &&= op.mayContainStrings;
    acc.v8Zero &&= op.v8Zero;
  }
  if (!p.hasMore()) p.error(Msg.UnterminatedCharacterClass);
  p.advance();
  return finish(p, acc, negated);
}

function parseSubtraction(p: Parser, negated: boolean, first: ClassValue): ClassValue {
  const acc: ClassValue = {
    ranges: first.ranges,
    strings: new Map(first.strings),
    mayContainStrings: first.mayContainStrings,
    v8Zero: first.v8Zero,
    expr: first.expr,
  };
  while (p.hasMore() && p.cur !== 0x5d) {
    if (p.cur !== 0x2d || p.next() !== 0x2d) p.error(Msg.InvalidClassSetOperation);
    p.advance2();
    const op = parseOperand(p).value;
    if (acc.expr || op.expr) acc.expr = { op: 'sub', args: [toExpr(acc), toExpr(op)] };
    acc.ranges = subtract(acc.ranges, op.ranges);
    for (const k of op.strings.keys()) acc.strings.delete(k);
    acc.v8Zero &&= op.v8Zero;
  }
  if (!p.hasMore()) p.error(Msg.UnterminatedCharacterClass);
  p.advance();
  return finish(p, acc, negated);
}

/** Parses a top-level `v`-mode class at `[` into a class node. */
export function parseClassSetExpression(p: Parser): Node {
  const v = parseNestedClass(p);
  if (v.expr) return stringClassNode(p, v.expr);
  const strings = [...v.strings.values()];
  return mkClass(v.ranges, false, strings.length ? strings : undefined, v.v8Zero);
}

/** A class node for a set expression involving properties of strings. */
export function stringClassNode(p: Parser, expr: SetExpr): Node {
  return mkClass([], false, undefined, false, expr, new StringClassMatcher(expr, p.ignoreCase).member(''));
}
