/**
 * Pattern parser: source text -> AST. It follows V8's parser decision for decision
 * (same Annex B leniency in non-unicode mode, same error for the same pattern, and the
 * same "first error wins" order), so a pattern is accepted exactly when V8 accepts it.
 *
 * Groups are parsed with an explicit state stack (no recursion per nesting level), so
 * deeply nested patterns cannot overflow the host stack.
 */
import {
  mkAlt,
  mkAssert,
  mkBackref,
  mkChar,
  mkClass,
  mkEmpty,
  mkGroup,
  mkLook,
  mkQuant,
  mkSeq,
  type BackrefNode,
  type Node,
  type ParsedRegex,
} from './ast';
import { complement, normalize, union } from './charset';
import { RegexSyntaxError } from './errors';
import {
  DIGITS,
  LINE_TERMINATORS,
  WHITESPACE,
  WORD,
  WORD_UNICODE_IGNORE_CASE,
  closeOverCase,
  isIdentifierPart,
  isIdentifierStart,
  propertySet,
} from './unicode';
import { parseClassSetExpression, stringClassNode, tryParseStringProperty } from './classset';

export const END = 0x200000;
const MAX_CAPTURES = 1 << 16;
const INFINITY = 0x7fffffff;

export const Msg = {
  UnterminatedGroup: 'Unterminated group',
  UnmatchedParen: "Unmatched ')'",
  EscapeAtEndOfPattern: '\\ at end of pattern',
  InvalidPropertyName: 'Invalid property name',
  InvalidEscape: 'Invalid escape',
  InvalidDecimalEscape: 'Invalid decimal escape',
  InvalidUnicodeEscape: 'Invalid Unicode escape',
  NothingToRepeat: 'Nothing to repeat',
  LoneQuantifierBrackets: 'Lone quantifier brackets',
  RangeOutOfOrder: 'numbers out of order in {} quantifier',
  IncompleteQuantifier: 'Incomplete quantifier',
  InvalidQuantifier: 'Invalid quantifier',
  InvalidGroup: 'Invalid group',
  TooManyCaptures: 'Too many captures',
  InvalidCaptureGroupName: 'Invalid capture group name',
  DuplicateCaptureGroupName: 'Duplicate capture group name',
  InvalidNamedReference: 'Invalid named reference',
  InvalidNamedCaptureReference: 'Invalid named capture referenced',
  InvalidClassEscape: 'Invalid class escape',
  InvalidClassPropertyName: 'Invalid property name in character class',
  InvalidCharacterClass: 'Invalid character class',
  UnterminatedCharacterClass: 'Unterminated character class',
  OutOfOrderCharacterClass: 'Range out of order in character class',
  InvalidClassSetOperation: 'Invalid set operation in character class',
  InvalidCharacterInClass: 'Invalid character in character class',
  NegatedCharacterClassWithStrings: 'Negated character class may contain strings',
} as const;

export interface Flags {
  hasIndices: boolean;
  global: boolean;
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  unicode: boolean;
  unicodeSets: boolean;
  sticky: boolean;
}

const FLAG_ORDER = 'dgimsuvy';

/** Validates a flags string like V8 and returns it in canonical order. */
export function parseFlags(flags: string): { flags: Flags; canonical: string } {
  const seen = new Set<string>();
  for (const ch of flags) {
    if (!FLAG_ORDER.includes(ch) || seen.has(ch)) {
      throw new RegexSyntaxError(`Invalid flags supplied to RegExp constructor '${flags}'`);
    }
    seen.add(ch);
  }
  if (seen.has('u') && seen.has('v')) {
    throw new RegexSyntaxError(`Invalid flags supplied to RegExp constructor '${flags}'`);
  }
  let canonical = '';
  for (const ch of FLAG_ORDER) if (seen.has(ch)) canonical += ch;
  return {
    canonical,
    flags: {
      hasIndices: seen.has('d'),
      global: seen.has('g'),
      ignoreCase: seen.has('i'),
      multiline: seen.has('m'),
      dotAll: seen.has('s'),
      unicode: seen.has('u'),
      unicodeSets: seen.has('v'),
      sticky: seen.has('y'),
    },
  };
}

const enum GroupType {
  Initial,
  Capture,
  Grouping,
  PositiveLook,
  NegativeLook,
}

class Builder {
  alts: Node[] = [];
  terms: Node[] = [];
  pendingEmpty = false;
  /** The last atom is a bare lookaround (not wrapped in a group): affects quantifiers. */
  lastIsLookaround = false;
  addAtom(n: Node, isLookaround = false): void {
    this.pendingEmpty = false;
    this.lastIsLookaround = isLookaround;
    this.terms.push(n);
  }
  addAssertion(n: Node): void {
    this.pendingEmpty = false;
    this.terms.push(n);
  }
  addEmpty(): void {
    this.pendingEmpty = true;
  }
  newAlternative(): void {
    this.alts.push(mkSeq(this.terms));
    this.terms = [];
    this.pendingEmpty = false;
  }
  toNode(): Node {
    this.newAlternative();
    return mkAlt(this.alts);
  }
}

interface State {
  prev: State | null;
  builder: Builder;
  type: GroupType;
  behind: boolean;
  /** For captures, the capture's own index; for other groups, captures started at open. */
  captureIndex: number;
  name: string | undefined;
}

export function isLead(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
export function isTrail(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}
const SYNTAX_OR_SLASH = new Set('^$\\.*+?()[]{}|/'.split('').map((c) => c.charCodeAt(0)));
const CLASS_SET_RESERVED_PUNCTUATOR = new Set('&-!#%,:;<=>@`~'.split('').map((c) => c.charCodeAt(0)));

export class Parser {
  readonly unicode: boolean;
  readonly unicodeSets: boolean;
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;

  pos = 0;
  cur = END;
  width = 0;
  forceUnicode = false;

  capturesStarted = 0;
  captureCount = 0;
  scanned = false;
  hasNamedCaptures = false;
  readonly namedCaptures = new Map<string, number>();
  readonly namedRefs: BackrefNode[] = [];
  readonly groupNames: (string | undefined)[] = [undefined];

  constructor(
    readonly src: string,
    flags: Flags,
  ) {
    this.unicode = flags.unicode || flags.unicodeSets;
    this.unicodeSets = flags.unicodeSets;
    this.ignoreCase = flags.ignoreCase;
    this.multiline = flags.multiline;
    this.dotAll = flags.dotAll;
    this.reset(0);
  }

  // ---- reading -----------------------------------------------------------

  private unicodeMode(): boolean {
    return this.unicode || this.forceUnicode;
  }

  /** Reads the character at code-unit index i: [char, width]. */
  private readAt(i: number): number {
    const s = this.src;
    if (i >= s.length) return END;
    const c = s.charCodeAt(i);
    if (this.unicodeMode() && isLead(c) && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (isTrail(d)) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
    }
    return c;
  }

  reset(p: number): void {
    this.pos = p;
    if (p >= this.src.length) {
      this.pos = this.src.length;
      this.cur = END;
      this.width = 0;
    } else {
      this.cur = this.readAt(p);
      this.width = this.cur > 0xffff ? 2 : 1;
    }
  }
  advance(): void {
    this.reset(this.pos + this.width);
  }
  advance2(): void {
    this.advance();
    this.advance();
  }
  next(): number {
    return this.readAt(this.pos + this.width);
  }
  hasNext(): boolean {
    return this.pos + this.width < this.src.length;
  }
  /** The current character (a method, so type narrowing never goes stale). */
  c(): number {
    return this.cur;
  }
  hasMore(): boolean {
    return this.cur !== END;
  }

  error(msg: string): never {
    throw new RegexSyntaxError(msg);
  }

  // ---- top level ---------------------------------------------------------

  parse(): ParsedRegex {
    const root = this.parseDisjunction();
    // Patch named back references.
    if (this.namedRefs.length > 0) {
      if (this.namedCaptures.size === 0) this.error(Msg.InvalidNamedCaptureReference);
      for (const ref of this.namedRefs) {
        const idx = this.namedCaptures.get(ref.name!);
        if (idx === undefined) this.error(Msg.InvalidNamedCaptureReference);
        ref.index = idx;
      }
    }
    const names: (string | undefined)[] = [undefined];
    for (let i = 1; i <= this.capturesStarted; i++) names.push(this.groupNames[i]);
    return { root, groupCount: this.capturesStarted, groupNames: names };
  }

  private parseDisjunction(): Node {
    let state: State = {
      prev: null,
      builder: new Builder(),
      type: GroupType.Initial,
      behind: false,
      captureIndex: 0,
      name: undefined,
    };
    let builder = state.builder;
    for (;;) {
      const c = this.cur;
      // ---- atom (or a construct that `continue`s without a quantifier) ----
      switch (c) {
        case END:
          if (state.prev !== null) this.error(Msg.UnterminatedGroup);
          return builder.toNode();
        case 0x29 /* ) */: {
          if (state.prev === null) this.error(Msg.UnmatchedParen);
          this.advance();
          let body = builder.toNode();
          const endCaptureIndex = this.capturesStarted;
          const isLook = state.type === GroupType.PositiveLook || state.type === GroupType.NegativeLook;
          if (state.type === GroupType.Capture) {
            if (state.name !== undefined) {
              if (this.namedCaptures.has(state.name)) this.error(Msg.DuplicateCaptureGroupName);
              this.namedCaptures.set(state.name, state.captureIndex);
              this.groupNames[state.captureIndex] = state.name;
            }
            body = mkGroup(state.captureIndex, body);
            body.capHi = Math.max(body.capHi, endCaptureIndex + 1);
          } else if (state.type === GroupType.Grouping) {
            // A plain group is its body, except that a lone character stays wrapped so
            // the compiler can tell `(?:x)` from a bare literal (V8 treats only the
            // latter as a string-search "atom").
            if (body.type === 'char') body = { ...body, type: 'seq', items: [body] } as Node;
          } else {
            body = mkLook(state.behind, state.type === GroupType.NegativeLook, body);
          }
          state = state.prev;
          builder = state.builder;
          builder.addAtom(body, isLook);
          break;
        }
        case 0x7c /* | */:
          this.advance();
          builder.newAlternative();
          continue;
        case 0x2a:
        case 0x2b:
        case 0x3f:
          this.error(Msg.NothingToRepeat);
        // eslint-disable-next-line no-fallthrough
        case 0x5e /* ^ */:
          this.advance();
          builder.addAssertion(mkAssert(this.multiline ? 'startLine' : 'start'));
          continue;
        case 0x24 /* $ */:
          this.advance();
          builder.addAssertion(mkAssert(this.multiline ? 'endLine' : 'end'));
          continue;
        case 0x2e /* . */:
          this.advance();
          builder.addAtom(mkClass(this.dotAll ? [0, 0x10ffff] : complement(LINE_TERMINATORS), false));
          break;
        case 0x28 /* ( */:
          state = this.parseOpenParenthesis(state);
          builder = state.builder;
          continue;
        case 0x5b /* [ */:
          builder.addAtom(this.unicodeSets ? parseClassSetExpression(this) : this.parseCharacterClass());
          break;
        case 0x5c /* \ */: {
          const n = this.next();
          if (this.atomEscape(n, state, builder)) continue;
          break;
        }
        case 0x7b /* { */: {
          const q = this.parseIntervalQuantifier();
          if (q) this.error(Msg.NothingToRepeat);
          if (this.unicode) this.error(Msg.LoneQuantifierBrackets);
          builder.addAtom(mkChar(c));
          this.advance();
          break;
        }
        case 0x7d /* } */:
        case 0x5d /* ] */:
          if (this.unicode) this.error(Msg.LoneQuantifierBrackets);
          builder.addAtom(mkChar(c));
          this.advance();
          break;
        default:
          builder.addAtom(mkChar(c));
          this.advance();
          break;
      }

      // ---- quantifier ----
      let min: number;
      let max: number;
      switch (this.cur) {
        case 0x2a:
          min = 0;
          max = INFINITY;
          this.advance();
          break;
        case 0x2b:
          min = 1;
          max = INFINITY;
          this.advance();
          break;
        case 0x3f:
          min = 0;
          max = 1;
          this.advance();
          break;
        case 0x7b: {
          const q = this.parseIntervalQuantifier();
          if (q) {
            [min, max] = q;
            if (max < min) this.error(Msg.RangeOutOfOrder);
            break;
          } else if (this.unicode) {
            this.error(Msg.IncompleteQuantifier);
          }
          continue;
        }
        default:
          continue;
      }
      let greedy = true;
      if (this.cur === 0x3f) {
        greedy = false;
        this.advance();
      }
      if (!this.addQuantifier(builder, min, max, greedy)) this.error(Msg.InvalidQuantifier);
    }
  }

  private addQuantifier(builder: Builder, min: number, max: number, greedy: boolean): boolean {
    if (builder.pendingEmpty) {
      builder.pendingEmpty = false;
      return true;
    }
    const atom = builder.terms.pop()!;
    if (atom.type === 'look' && builder.lastIsLookaround) {
      if (this.unicode) return false;
      if (atom.behind) return false;
    }
    builder.terms.push(mkQuant(min, max === INFINITY ? Infinity : max, greedy, atom));
    return true;
  }

  /** Handles `\` at atom position. Returns true to `continue` (no quantifier). */
  private atomEscape(n: number, state: State, builder: Builder): boolean {
    switch (n) {
      case END:
        this.error(Msg.EscapeAtEndOfPattern);
      // eslint-disable-next-line no-fallthrough
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37:
      case 0x38:
      case 0x39: {
        const index = this.parseBackReferenceIndex();
        if (index > 0) {
          if (this.isInsideCaptureGroup(state, index)) builder.addEmpty();
          else builder.addAtom(mkBackref(index));
          return false;
        }
        if (this.unicode) this.error(Msg.InvalidEscape);
        const first = this.next();
        if (first === 0x38 || first === 0x39) {
          builder.addAtom(mkChar(first));
          this.advance2();
          return false;
        }
        this.advance();
        builder.addAtom(mkChar(this.parseOctalLiteral()));
        return false;
      }
      case 0x30: {
        this.advance();
        if (this.unicode && isDigit(this.next())) this.error(Msg.InvalidDecimalEscape);
        builder.addAtom(mkChar(this.parseOctalLiteral()));
        return false;
      }
      case 0x62 /* b */:
        this.advance2();
        builder.addAssertion(mkAssert('wordBoundary'));
        return true;
      case 0x42 /* B */:
        this.advance2();
        builder.addAssertion(mkAssert('notWordBoundary'));
        return true;
      case 0x64:
      case 0x44:
      case 0x73:
      case 0x53:
      case 0x77:
      case 0x57:
      case 0x70:
      case 0x50: {
        if (this.unicodeSets && n === 0x70) {
          const prop = tryParseStringProperty(this);
          if (prop) {
            builder.addAtom(stringClassNode(this, prop));
            return false;
          }
        }
        const ranges: number[] = [];
        if (this.tryParseCharacterClassEscape(n, false, ranges)) {
          builder.addAtom(mkClass(normalize(ranges), false));
        } else {
          this.advance2();
          builder.addAtom(mkChar(n));
        }
        return false;
      }
      case 0x6b /* k */:
        if (this.unicode || this.hasNamedCapturesScan(false)) {
          this.advance2();
          this.parseNamedBackReference(builder, state);
          return false;
        }
      // eslint-disable-next-line no-fallthrough
      default: {
        const r = this.parseCharacterEscape(false);
        builder.addAtom(mkChar(r));
        return false;
      }
    }
  }

  private isInsideCaptureGroup(state: State, index: number): boolean {
    for (let s: State | null = state; s !== null; s = s.prev) {
      if (s.type !== GroupType.Capture) continue;
      if (index === s.captureIndex) return true;
      if (index > s.captureIndex) return false;
    }
    return false;
  }

  private isInsideNamedCaptureGroup(state: State, name: string): boolean {
    for (let s: State | null = state; s !== null; s = s.prev) {
      if (s.name === name) return true;
    }
    return false;
  }

  private parseOpenParenthesis(state: State): State {
    let behind = state.behind;
    let isNamed = false;
    let name: string | undefined;
    let type = GroupType.Capture;
    this.advance();
    if (this.cur === 0x3f /* ? */) {
      switch (this.next()) {
        case 0x3a /* : */:
          this.advance2();
          type = GroupType.Grouping;
          break;
        case 0x3d /* = */:
          this.advance2();
          behind = false;
          type = GroupType.PositiveLook;
          break;
        case 0x21 /* ! */:
          this.advance2();
          behind = false;
          type = GroupType.NegativeLook;
          break;
        case 0x3c /* < */:
          this.advance();
          if (this.next() === 0x3d) {
            this.advance2();
            behind = true;
            type = GroupType.PositiveLook;
            break;
          } else if (this.next() === 0x21) {
            this.advance2();
            behind = true;
            type = GroupType.NegativeLook;
            break;
          }
          isNamed = true;
          this.hasNamedCaptures = true;
          this.advance();
          break;
        default:
          this.error(Msg.InvalidGroup);
      }
    }
    if (type === GroupType.Capture) {
      if (this.capturesStarted >= MAX_CAPTURES) this.error(Msg.TooManyCaptures);
      this.capturesStarted++;
      if (isNamed) name = this.parseCaptureGroupName();
    }
    return {
      prev: state,
      builder: new Builder(),
      type,
      behind,
      captureIndex: this.capturesStarted,
      name,
    };
  }

  /** Counts all capture groups (and notes named ones) from the current position on. */
  private scanForCaptures(inClass: boolean): void {
    const saved = this.pos;
    let count = this.capturesStarted;
    if (inClass) {
      while (this.cur !== END) {
        const c = this.cur;
        this.advance();
        if (c === 0x5c) this.advance();
        else if (c === 0x5d) break;
      }
    }
    while (this.cur !== END) {
      const n = this.cur;
      this.advance();
      switch (n) {
        case 0x5c:
          this.advance();
          break;
        case 0x5b: {
          let level = 0;
          while (this.cur !== END) {
            const c = this.cur;
            this.advance();
            if (c === 0x5c) this.advance();
            else if (c === 0x5b) level++;
            else if (c === 0x5d) {
              if (level === 0) break;
              level--;
            }
          }
          break;
        }
        case 0x28:
          if (this.cur === 0x3f) {
            this.advance();
            if (this.c() !== 0x3c) break;
            this.advance();
            if (this.c() === 0x3d || this.c() === 0x21) break;
            this.hasNamedCaptures = true;
          }
          count++;
          break;
      }
    }
    this.captureCount = count;
    this.scanned = true;
    this.reset(saved);
  }

  hasNamedCapturesScan(inClass: boolean): boolean {
    if (this.hasNamedCaptures || this.scanned) return this.hasNamedCaptures;
    this.scanForCaptures(inClass);
    return this.hasNamedCaptures;
  }

  /** At `\` followed by 1-9. Returns the index, or 0 (position restored) if not a backref. */
  private parseBackReferenceIndex(): number {
    const start = this.pos;
    let value = this.next() - 0x30;
    this.advance2();
    for (;;) {
      const c = this.cur;
      if (isDigit(c)) {
        value = 10 * value + (c - 0x30);
        if (value > MAX_CAPTURES) {
          this.reset(start);
          return 0;
        }
        this.advance();
      } else break;
    }
    if (value > this.capturesStarted) {
      if (!this.scanned) this.scanForCaptures(false);
      if (value > this.captureCount) {
        this.reset(start);
        return 0;
      }
    }
    return value;
  }

  private parseCaptureGroupName(): string {
    // Group names are parsed in unicode mode even in non-unicode patterns.
    this.forceUnicode = true;
    this.reset(this.pos);
    let name = '';
    let atStart = true;
    try {
      for (;;) {
        let c = this.cur;
        if (c === 0x5c && this.next() === 0x75) {
          this.advance2();
          const v = this.parseUnicodeEscape();
          if (v < 0) this.error(Msg.InvalidUnicodeEscape);
          c = v;
        } else {
          if (c === 0x5c) this.error(Msg.InvalidCaptureGroupName);
          this.advance();
        }
        if (atStart) {
          if (c === END || !isIdentifierStart(c)) this.error(Msg.InvalidCaptureGroupName);
          name += String.fromCodePoint(c);
          atStart = false;
        } else {
          if (c === 0x3e /* > */) break;
          if (c !== END && isIdentifierPart(c)) name += String.fromCodePoint(c);
          else this.error(Msg.InvalidCaptureGroupName);
        }
      }
    } finally {
      this.forceUnicode = false;
    }
    this.reset(this.pos);
    return name;
  }

  private parseNamedBackReference(builder: Builder, state: State): void {
    if (this.cur !== 0x3c) this.error(Msg.InvalidNamedReference);
    this.advance();
    const name = this.parseCaptureGroupName();
    if (this.isInsideNamedCaptureGroup(state, name)) {
      builder.addEmpty();
    } else {
      const ref = mkBackref(0, name);
      builder.addAtom(ref);
      this.namedRefs.push(ref);
    }
  }

  /** At `{`. Returns [min, max] (max INFINITY when unbounded), or null with position restored. */
  private parseIntervalQuantifier(): [number, number] | null {
    const start = this.pos;
    this.advance();
    if (!isDigit(this.cur)) {
      this.reset(start);
      return null;
    }
    let min = 0;
    while (isDigit(this.cur)) {
      const d = this.cur - 0x30;
      if (min > (INFINITY - d) / 10) {
        do this.advance();
        while (isDigit(this.cur));
        min = INFINITY;
        break;
      }
      min = 10 * min + d;
      this.advance();
    }
    let max = 0;
    if (this.cur === 0x7d) {
      max = min;
      this.advance();
    } else if (this.cur === 0x2c) {
      this.advance();
      if (this.c() === 0x7d) {
        max = INFINITY;
        this.advance();
      } else {
        while (isDigit(this.cur)) {
          const d = this.cur - 0x30;
          if (max > (INFINITY - d) / 10) {
            do this.advance();
            while (isDigit(this.cur));
            max = INFINITY;
            break;
          }
          max = 10 * max + d;
          this.advance();
        }
        if (this.c() !== 0x7d) {
          this.reset(start);
          return null;
        }
        this.advance();
      }
    } else {
      this.reset(start);
      return null;
    }
    return [min, max];
  }

  private parseOctalLiteral(): number {
    let value = this.cur - 0x30;
    if (this.cur === END) value = 0; // not reachable in practice
    this.advance();
    if (this.cur >= 0x30 && this.cur <= 0x37) {
      value = value * 8 + this.cur - 0x30;
      this.advance();
      if (value < 32 && this.cur >= 0x30 && this.cur <= 0x37) {
        value = value * 8 + this.cur - 0x30;
        this.advance();
      }
    }
    return value;
  }

  /** Reads exactly `length` hex digits; -1 (position restored) on failure. */
  private parseHexEscape(length: number): number {
    const start = this.pos;
    let val = 0;
    for (let i = 0; i < length; i++) {
      const d = hexValue(this.cur);
      if (d < 0) {
        this.reset(start);
        return -1;
      }
      val = val * 16 + d;
      this.advance();
    }
    return val;
  }

  /** After `\u`. Returns the value or -1 (position restored). */
  parseUnicodeEscape(): number {
    if (this.cur === 0x7b && this.unicodeMode()) {
      const start = this.pos;
      this.advance();
      let x = 0;
      let d = hexValue(this.cur);
      let ok = d >= 0;
      while (ok && d >= 0) {
        x = x * 16 + d;
        if (x > 0x10ffff) {
          ok = false;
          break;
        }
        this.advance();
        d = hexValue(this.cur);
      }
      if (ok && this.c() === 0x7d) {
        this.advance();
        return x;
      }
      this.reset(start);
      return -1;
    }
    const value = this.parseHexEscape(4);
    if (value >= 0 && this.unicodeMode() && isLead(value) && this.cur === 0x5c) {
      const start = this.pos;
      if (this.next() === 0x75) {
        this.advance2();
        const trail = this.parseHexEscape(4);
        if (trail >= 0 && isTrail(trail)) {
          return ((value - 0xd800) << 10) + (trail - 0xdc00) + 0x10000;
        }
      }
      this.reset(start);
    }
    return value;
  }

  /** At `\` (not a class escape). Returns the character. */
  parseCharacterEscape(inClass: boolean): number {
    this.advance();
    const c = this.cur;
    switch (c) {
      case 0x66:
        this.advance();
        return 0x0c;
      case 0x6e:
        this.advance();
        return 0x0a;
      case 0x72:
        this.advance();
        return 0x0d;
      case 0x74:
        this.advance();
        return 0x09;
      case 0x76:
        this.advance();
        return 0x0b;
      case 0x63 /* c */: {
        const control = this.next();
        const letter = control & ~0x20;
        if (letter >= 0x41 && letter <= 0x5a) {
          this.advance2();
          return control & 0x1f;
        }
        if (this.unicode) this.error(Msg.InvalidUnicodeEscape);
        if (inClass && (isDigit(control) || control === 0x5f)) {
          this.advance2();
          return control & 0x1f;
        }
        // The backslash is a literal; `c` is read next.
        return 0x5c;
      }
      case 0x30:
        if (!isDigit(this.next())) {
          this.advance();
          return 0;
        }
      // eslint-disable-next-line no-fallthrough
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37:
        if (this.unicode) this.error(Msg.InvalidClassEscape);
        return this.parseOctalLiteral();
      case 0x78 /* x */: {
        this.advance();
        const v = this.parseHexEscape(2);
        if (v >= 0) return v;
        if (this.unicode) this.error(Msg.InvalidEscape);
        return 0x78;
      }
      case 0x75 /* u */: {
        this.advance();
        const v = this.parseUnicodeEscape();
        if (v >= 0) return v;
        if (this.unicode) this.error(Msg.InvalidUnicodeEscape);
        return 0x75;
      }
      default:
        break;
    }
    if (this.unicodeSets && inClass && CLASS_SET_RESERVED_PUNCTUATOR.has(c)) {
      this.advance();
      return c;
    }
    if (this.unicode) {
      if (!SYNTAX_OR_SLASH.has(c)) this.error(Msg.InvalidEscape);
      this.advance();
      return c;
    }
    if (c === 0x63) this.error(Msg.InvalidEscape);
    this.advance();
    if (c === 0x6b && this.hasNamedCapturesScan(inClass)) this.error(Msg.InvalidEscape);
    return c;
  }

  /** The set for \d \D \s \S \w \W (and \p \P in unicode mode). */
  private standardSet(n: number): number[] {
    switch (n) {
      case 0x64:
        return DIGITS.slice();
      case 0x44:
        return complement(DIGITS);
      case 0x73:
        return WHITESPACE.slice();
      case 0x53:
        return complement(WHITESPACE);
      case 0x77:
        return this.unicode && this.ignoreCase ? WORD_UNICODE_IGNORE_CASE.slice() : WORD.slice();
      default:
        return complement(this.unicode && this.ignoreCase ? WORD_UNICODE_IGNORE_CASE : WORD);
    }
  }

  /** At `\` with next char n. Adds the escape's set to `out` and returns true if it is one. */
  tryParseCharacterClassEscape(n: number, inClass: boolean, out: number[]): boolean {
    switch (n) {
      case 0x64:
      case 0x44:
      case 0x73:
      case 0x53:
      case 0x77:
      case 0x57:
        out.push(...this.standardSet(n));
        this.advance2();
        return true;
      case 0x70:
      case 0x50: {
        if (!this.unicode) return false;
        const negate = n === 0x50;
        this.advance2();
        const set = this.parsePropertyClass(negate);
        if (set === null) this.error(inClass ? Msg.InvalidClassPropertyName : Msg.InvalidPropertyName);
        out.push(...set);
        return true;
      }
      default:
        return false;
    }
  }

  private parsePropertyClass(negate: boolean): number[] | null {
    if (this.cur !== 0x7b) return null;
    const isNameChar = (c: number): boolean =>
      (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x5f;
    let name1 = '';
    let name2: string | undefined;
    for (this.advance(); this.c() !== 0x7d && this.c() !== 0x3d; this.advance()) {
      if (!isNameChar(this.cur)) return null;
      if (!this.hasNext()) return null;
      name1 += String.fromCharCode(this.cur);
    }
    if (this.c() === 0x3d) {
      name2 = '';
      for (this.advance(); this.c() !== 0x7d; this.advance()) {
        if (!isNameChar(this.cur)) return null;
        if (!this.hasNext()) return null;
        name2 += String.fromCharCode(this.cur);
      }
    }
    this.advance();
    if (name1 === '' || name2 === '') return null;
    let set = propertySet(name1, name2);
    if (set === null) return null;
    if (this.unicodeSets && this.ignoreCase) set = closeOverCase(set, true);
    return negate ? complement(set) : set;
  }

  // ---- character classes (non-v) -----------------------------------------

  /** A class atom: returns a character, or -1 if it was a class escape added to `out`. */
  private parseClassAtom(out: number[]): number {
    if (this.cur !== 0x5c) {
      const c = this.cur;
      this.advance();
      return c;
    }
    const n = this.next();
    switch (n) {
      case 0x62:
        this.advance2();
        return 0x08;
      case 0x2d:
        if (this.unicode) {
          this.advance2();
          return 0x2d;
        }
        break;
      case END:
        this.error(Msg.EscapeAtEndOfPattern);
    }
    if (this.tryParseCharacterClassEscape(n, true, out)) return -1;
    return this.parseCharacterEscape(true);
  }

  private parseCharacterClass(): Node {
    this.advance();
    let negated = false;
    if (this.cur === 0x5e) {
      negated = true;
      this.advance();
    }
    const ranges: number[] = [];
    if (this.cur === 0x5d) {
      this.advance();
      return mkClass([], negated);
    }
    while (this.hasMore() && this.cur !== 0x5d) {
      const c1 = this.parseClassAtom(ranges);
      if (this.cur === 0x2d) {
        this.advance();
        if (!this.hasMore()) break;
        if (this.c() === 0x5d) {
          if (c1 >= 0) ranges.push(c1, c1);
          ranges.push(0x2d, 0x2d);
          break;
        }
        const c2 = this.parseClassAtom(ranges);
        if (c1 < 0 || c2 < 0) {
          if (this.unicode) this.error(Msg.InvalidCharacterClass);
          if (c1 >= 0) ranges.push(c1, c1);
          ranges.push(0x2d, 0x2d);
          if (c2 >= 0) ranges.push(c2, c2);
          continue;
        }
        if (c1 > c2) this.error(Msg.OutOfOrderCharacterClass);
        ranges.push(c1, c2);
      } else if (c1 >= 0) {
        ranges.push(c1, c1);
      }
    }
    if (!this.hasMore()) this.error(Msg.UnterminatedCharacterClass);
    this.advance();
    return mkClass(normalize(ranges), negated);
  }
}

export function parsePattern(source: string, flags: Flags): ParsedRegex {
  return new Parser(source, flags).parse();
}

export { union };
