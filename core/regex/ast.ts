/**
 * The regex AST produced by the parser. Every node carries `nullable` (can it match
 * the empty string) and the capture-group index range it contains (`capLo` inclusive,
 * `capHi` exclusive), computed bottom-up while parsing so later passes never need to
 * recurse to find them.
 */
import type { Ranges } from './charset';
import type { SetExpr } from './strclass';

interface Base {
  nullable: boolean;
  /** Can only ever match the empty string. */
  zeroWidth: boolean;
  capLo: number;
  capHi: number;
}

export interface EmptyNode extends Base {
  type: 'empty';
}
/** One literal character: a code unit (non-unicode) or a code point (u/v). */
export interface CharNode extends Base {
  type: 'char';
  cp: number;
}
/** A set of characters (before case closure; the compiler applies `i`). */
export interface ClassNode extends Base {
  type: 'class';
  ranges: Ranges;
  negated: boolean;
  /** v-mode: strings of length != 1 that the class also matches. */
  strings?: string[];
  /** v-mode with properties of strings: the class as a set expression (ranges unused). */
  expr?: SetExpr;
}
export interface SeqNode extends Base {
  type: 'seq';
  items: Node[];
}
export interface AltNode extends Base {
  type: 'alt';
  alts: Node[];
}
export interface GroupNode extends Base {
  type: 'group';
  index: number;
  body: Node;
}
export interface LookNode extends Base {
  type: 'look';
  behind: boolean;
  negative: boolean;
  body: Node;
}
export interface BackrefNode extends Base {
  type: 'backref';
  /** Group index; 0 until a named reference is resolved. */
  index: number;
  name?: string;
}
export type AssertKind = 'start' | 'end' | 'startLine' | 'endLine' | 'wordBoundary' | 'notWordBoundary';
export interface AssertNode extends Base {
  type: 'assert';
  kind: AssertKind;
}
export interface QuantNode extends Base {
  type: 'quant';
  min: number;
  /** Infinity for unbounded. */
  max: number;
  greedy: boolean;
  body: Node;
}

export type Node =
  | EmptyNode
  | CharNode
  | ClassNode
  | SeqNode
  | AltNode
  | GroupNode
  | LookNode
  | BackrefNode
  | AssertNode
  | QuantNode;

export interface ParsedRegex {
  root: Node;
  groupCount: number;
  /** Index 1..groupCount; undefined for unnamed groups. */
  groupNames: (string | undefined)[];
}

const NO_CAPS = { capLo: 0, capHi: 0 };

export function mkEmpty(): EmptyNode {
  return { type: 'empty', nullable: true, zeroWidth: true, ...NO_CAPS };
}
export function mkChar(cp: number): CharNode {
  return { type: 'char', cp, nullable: false, zeroWidth: false, ...NO_CAPS };
}
/**
 * `zeroWidth` may be forced for v-mode classes: Node 20's V8 computes a zero maximum
 * match length for classes built only from empty operands (`[]`, `[^]`, `[^[]]`), which
 * makes it drop (min 0) or apply once (min > 0) any quantifier on them.
 */
export function mkClass(
  ranges: Ranges,
  negated: boolean,
  strings?: string[],
  forceZeroWidth = false,
  expr?: SetExpr,
  exprNullable = false,
): ClassNode {
  if (expr) {
    return { type: 'class', ranges, negated, expr, nullable: exprNullable, zeroWidth: false, ...NO_CAPS };
  }
  const nullable = strings !== undefined && strings.includes('');
  const zeroWidth =
    forceZeroWidth || (nullable && ranges.length === 0 && !negated && strings!.length === 1);
  return { type: 'class', ranges, negated, strings, nullable, zeroWidth, ...NO_CAPS };
}
export function mkAssert(kind: AssertKind): AssertNode {
  return { type: 'assert', kind, nullable: true, zeroWidth: true, ...NO_CAPS };
}

function capRange(nodes: readonly Node[]): { capLo: number; capHi: number } {
  let lo = 0;
  let hi = 0;
  for (const n of nodes) {
    if (n.capHi > n.capLo) {
      if (lo === hi) {
        lo = n.capLo;
        hi = n.capHi;
      } else {
        lo = Math.min(lo, n.capLo);
        hi = Math.max(hi, n.capHi);
      }
    }
  }
  return { capLo: lo, capHi: hi };
}

export function mkSeq(items: Node[]): Node {
  if (items.length === 0) return mkEmpty();
  if (items.length === 1) return items[0];
  return {
    type: 'seq',
    items,
    nullable: items.every((n) => n.nullable),
    zeroWidth: items.every((n) => n.zeroWidth),
    ...capRange(items),
  };
}
export function mkAlt(alts: Node[]): Node {
  if (alts.length === 1) return alts[0];
  return {
    type: 'alt',
    alts,
    nullable: alts.some((n) => n.nullable),
    zeroWidth: alts.every((n) => n.zeroWidth),
    ...capRange(alts),
  };
}
export function mkGroup(index: number, body: Node): GroupNode {
  const r = capRange([body]);
  return {
    type: 'group',
    index,
    body,
    nullable: body.nullable,
    zeroWidth: body.zeroWidth,
    capLo: index,
    capHi: Math.max(index + 1, r.capHi),
  };
}
export function mkLook(behind: boolean, negative: boolean, body: Node): LookNode {
  return { type: 'look', behind, negative, body, nullable: true, zeroWidth: true, ...capRange([body]) };
}
export function mkBackref(index: number, name?: string): BackrefNode {
  return { type: 'backref', index, name, nullable: true, zeroWidth: false, ...NO_CAPS };
}
export function mkQuant(min: number, max: number, greedy: boolean, body: Node): QuantNode {
  return {
    type: 'quant',
    min,
    max,
    greedy,
    body,
    nullable: min === 0 || body.nullable,
    zeroWidth: max === 0 || body.zeroWidth,
    capLo: body.capLo,
    capHi: body.capHi,
  };
}
