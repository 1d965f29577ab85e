/**
 * Unicode data the engine needs: fixed ECMAScript sets (\d \s \w, line terminators),
 * case-insensitive equivalence classes (the spec's Canonicalize, in both modes) and
 * Unicode property sets for \p{...}.
 *
 * Case classes and property sets are derived from the host once, lazily, by probing
 * the host's own String case mapping / RegExp engine with fixed, linear-time patterns
 * (never guest-controlled regex syntax), so they agree exactly with the host's Unicode
 * version.
 */
import { complement, has, normalize, union, type Ranges } from './charset';

export const LINE_TERMINATORS: Ranges = [0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029];
export const DIGITS: Ranges = [0x30, 0x39];
export const WHITESPACE: Ranges = normalize([
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f,
  0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff,
]);
export const WORD: Ranges = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
/** WordCharacters when both `u` (or `v`) and `i` are set: adds U+017F and U+212A. */
export const WORD_UNICODE_IGNORE_CASE: Ranges = normalize([...WORD, 0x17f, 0x17f, 0x212a, 0x212a]);

export function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

// ---------------------------------------------------------------------------
// Case folding

interface CaseData {
  /** Canonical representative for each code point that has case equivalents. */
  rep: Map<number, number>;
  /** Equivalence classes with at least two members. */
  classes: number[][];
  /** Member -> its class. */
  classOf: Map<number, number[]>;
  /** All members of all classes, sorted. */
  members: Int32Array;
}

let nonUnicodeCase: CaseData | undefined;
let unicodeCase: CaseData | undefined;
let nonUnicodeCanon: Uint16Array | undefined;

/** The spec's non-unicode Canonicalize (simple uppercase, never non-ASCII to ASCII). */
function buildNonUnicodeCanon(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    t[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const u = String.fromCharCode(c).toUpperCase();
    if (u.length !== 1) continue;
    const cu = u.charCodeAt(0);
    if (c >= 128 && cu < 128) continue;
    t[c] = cu;
  }
  return t;
}

function getNonUnicodeCase(): CaseData {
  if (nonUnicodeCase) return nonUnicodeCase;
  const canon = (nonUnicodeCanon ??= buildNonUnicodeCanon());
  const byCanon = new Map<number, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    const k = canon[c];
    let list = byCanon.get(k);
    if (!list) byCanon.set(k, (list = []));
    list.push(c);
  }
  const rep = new Map<number, number>();
  const classes: number[][] = [];
  for (const [k, members] of byCanon) {
    if (members.length < 2) continue;
    classes.push(members);
    for (const m of members) rep.set(m, k);
  }
  nonUnicodeCase = { rep, classes, classOf: indexClasses(classes), members: sortedMembers(classes) };
  return nonUnicodeCase;
}

function indexClasses(classes: number[][]): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (const cls of classes) for (const c of cls) m.set(c, cls);
  return m;
}

function sortedMembers(classes: number[][]): Int32Array {
  const all: number[] = [];
  for (const cls of classes) all.push(...cls);
  return Int32Array.from(all).sort();
}

function hex(c: number): string {
  return c.toString(16);
}

/**
 * Unicode-mode Canonicalize is simple case folding. Candidate classes come from the
 * host's case mappings (union of single-code-point upper/lower mappings); each is then
 * split by the host RegExp's own /ui equality so the classes are exactly the host's.
 */
function getUnicodeCase(): CaseData {
  if (unicodeCase) return unicodeCase;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    // path compression
    let y = x;
    while (y !== r) {
      const p = parent.get(y)!;
      parent.set(y, r);
      y = p;
    }
    return r;
  };
  const link = (a: number, b: number): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (let c = 0; c < 0x20000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCodePoint(c);
    const lo = s.toLowerCase();
    const up = s.toUpperCase();
    if (lo !== s && [...lo].length === 1) link(c, lo.codePointAt(0)!);
    if (up !== s && [...up].length === 1) link(c, up.codePointAt(0)!);
  }
  const comps = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const r = find(c);
    let list = comps.get(r);
    if (!list) comps.set(r, (list = []));
    list.push(c);
  }
  const rep = new Map<number, number>();
  const classes: number[][] = [];
  for (const members of comps.values()) {
    members.sort((a, b) => a - b);
    const assigned = new Set<number>();
    for (const m of members) {
      if (assigned.has(m)) continue;
      const probe = new RegExp(`^\\u{${hex(m)}}$`, 'ui');
      const cls = members.filter((x) => !assigned.has(x) && probe.test(String.fromCodePoint(x)));
      for (const x of cls) assigned.add(x);
      if (cls.length < 2) continue;
      classes.push(cls);
      for (const x of cls) rep.set(x, cls[0]);
    }
  }
  unicodeCase = { rep, classes, classOf: indexClasses(classes), members: sortedMembers(classes) };
  return unicodeCase;
}

/** Returns a canonicalize function (only equality of results is meaningful). */
export function canonicalizer(unicode: boolean): (c: number) => number {
  if (!unicode) {
    const t = (nonUnicodeCanon ??= buildNonUnicodeCanon());
    return (c) => (c < 0x10000 ? t[c] : c);
  }
  const rep = getUnicodeCase().rep;
  return (c) => rep.get(c) ?? c;
}

const closureCache = new Map<string, number[]>();

/** Adds every character case-equivalent to a member of `set`. */
export function closeOverCase(set: Ranges, unicode: boolean): number[] {
  const key = (unicode ? 'u' : 'n') + set.join(',');
  const cached = closureCache.get(key);
  if (cached) return cached.slice();
  const { classOf, members } = unicode ? getUnicodeCase() : getNonUnicodeCase();
  const extra: number[] = [];
  // Visit only class members inside the set's ranges (binary search per range).
  for (let i = 0; i < set.length; i += 2) {
    const lo = set[i];
    const hi = set[i + 1];
    let a = 0;
    let b = members.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (members[mid] < lo) a = mid + 1;
      else b = mid;
    }
    for (let k = a; k < members.length && members[k] <= hi; k++) {
      for (const m of classOf.get(members[k])!) if (!has(set, m)) extra.push(m, m);
    }
  }
  const result = extra.length ? union(set, normalize(extra)) : set.slice();
  if (closureCache.size > 1000) closureCache.clear();
  closureCache.set(key, result);
  return result.slice();
}

/** Case-equivalents of one character, including itself, sorted. */
export function caseEquivalents(c: number, unicode: boolean): number[] {
  const data = unicode ? getUnicodeCase() : getNonUnicodeCase();
  const cls = data.classOf.get(c);
  return cls ? cls.slice() : [c];
}

// ---------------------------------------------------------------------------
// Identifier characters (for group names)

const ID_START = /^[\p{ID_Start}$_]$/u;
const ID_PART = /^[\p{ID_Continue}$\u200c\u200d]$/u;

export function isIdentifierStart(cp: number): boolean {
  if (cp < 0 || cp > 0x10ffff) return false;
  return ID_START.test(String.fromCodePoint(cp));
}

export function isIdentifierPart(cp: number): boolean {
  if (cp < 0 || cp > 0x10ffff) return false;
  return ID_PART.test(String.fromCodePoint(cp));
}

// ---------------------------------------------------------------------------
// Unicode properties

let universe: string | undefined;
const propertyCache = new Map<string, number[] | null>();

/** All non-surrogate code points in order: 0..D7FF, E000..FFFF, 10000..10FFFF. */
function getUniverse(): string {
  if (universe !== undefined) return universe;
  const parts: string[] = [];
  const chunk: number[] = [];
  const flush = (): void => {
    parts.push(String.fromCharCode.apply(null, chunk));
    chunk.length = 0;
  };
  for (let c = 0; c < 0xd800; c++) {
    chunk.push(c);
    if (chunk.length === 8192) flush();
  }
  for (let c = 0xe000; c < 0x10000; c++) {
    chunk.push(c);
    if (chunk.length === 8192) flush();
  }
  for (let c = 0x10000; c <= 0x10ffff; c++) {
    const v = c - 0x10000;
    chunk.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    if (chunk.length >= 8192) flush();
  }
  flush();
  universe = parts.join('');
  return universe;
}

function indexToCodePoint(i: number): number {
  if (i < 0xd800) return i;
  if (i < 0xf800) return i + 0x800;
  return 0x10000 + ((i - 0xf800) >> 1);
}

/**
 * The set for `\p{name}` or `\p{name=value}` (value === undefined for the first form),
 * or null when the host does not recognise the property. Only [A-Za-z0-9_] names reach
 * here (the parser checks), so the probe pattern is a fixed single-character test.
 */
export function propertySet(name: string, value: string | undefined): number[] | null {
  const key = value === undefined ? name : `${name}=${value}`;
  if (propertyCache.has(key)) return propertyCache.get(key)!;
  let result: number[] | null = null;
  if (/^[A-Za-z0-9_]+$/.test(name) && (value === undefined || /^[A-Za-z0-9_]+$/.test(value))) {
    let probe: RegExp | undefined;
    try {
      probe = new RegExp(`\\p{${key}}+`, 'gu');
    } catch {
      probe = undefined;
    }
    if (probe) {
      const u = getUniverse();
      const pairs: number[] = [];
      for (const m of u.matchAll(probe)) {
        const start = m.index!;
        const end = start + m[0].length;
        pairs.push(indexToCodePoint(start), indexToCodePoint(end - 1));
      }
      if (new RegExp(`^\\p{${key}}$`, 'u').test('\ud800')) pairs.push(0xd800, 0xdfff);
      result = normalize(pairs);
    }
  }
  propertyCache.set(key, result);
  return result;
}

export { complement };
