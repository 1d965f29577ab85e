/**
 * Character sets as sorted lists of disjoint, non-adjacent inclusive ranges:
 * `[lo0, hi0, lo1, hi1, ...]`. Code points 0..0x10FFFF (non-unicode patterns only
 * ever use 0..0xFFFF).
 */

export type Ranges = readonly number[];

export const MAX_CODE_POINT = 0x10ffff;
export const MAX_CODE_UNIT = 0xffff;

/** Sorts and merges arbitrary `[lo, hi]` pairs into canonical form. */
export function normalize(pairs: readonly number[]): number[] {
  const n = pairs.length >> 1;
  if (n === 0) return [];
  const idx: number[] = [];
  for (let i = 0; i < n; i++) idx.push(i);
  idx.sort((a, b) => pairs[2 * a] - pairs[2 * b] || pairs[2 * a + 1] - pairs[2 * b + 1]);
  const out: number[] = [];
  for (const i of idx) {
    const lo = pairs[2 * i];
    const hi = pairs[2 * i + 1];
    if (lo > hi) continue;
    const len = out.length;
    if (len > 0 && lo <= out[len - 1] + 1) {
      if (hi > out[len - 1]) out[len - 1] = hi;
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}

export function union(a: Ranges, b: Ranges): number[] {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  return normalize([...a, ...b]);
}

/** Complement within 0..max. */
export function complement(a: Ranges, max: number = MAX_CODE_POINT): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i] > max) break;
    if (a[i] > next) out.push(next, a[i] - 1);
    next = a[i + 1] + 1;
  }
  if (next <= max) out.push(next, max);
  return out;
}

export function intersect(a: Ranges, b: Ranges): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i], b[j]);
    const hi = Math.min(a[i + 1], b[j + 1]);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}

export function subtract(a: Ranges, b: Ranges): number[] {
  return intersect(a, complement(b));
}

export function has(a: Ranges, c: number): boolean {
  let lo = 0;
  let hi = (a.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < a[2 * mid]) hi = mid - 1;
    else if (c > a[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

export function single(c: number): number[] {
  return [c, c];
}

export function isEmpty(a: Ranges): boolean {
  return a.length === 0;
}

/** Number of code points in the set. */
export function size(a: Ranges): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 2) n += a[i + 1] - a[i] + 1;
  return n;
}

/**
 * A compiled set for fast membership tests: an ASCII bitmap plus binary search
 * over the ranges for everything else.
 */
export class CharMatcher {
  private readonly ascii = new Uint32Array(4);
  private readonly ranges: Int32Array;
  private readonly nonAscii: boolean;
  constructor(readonly set: Ranges) {
    this.ranges = Int32Array.from(set);
    for (let i = 0; i < set.length; i += 2) {
      for (let c = set[i]; c <= set[i + 1] && c < 128; c++) this.ascii[c >> 5] |= 1 << (c & 31);
    }
    this.nonAscii = set.length > 0 && set[set.length - 1] >= 128;
  }
  has(c: number): boolean {
    if (c < 128) return (this.ascii[c >> 5] & (1 << (c & 31))) !== 0;
    if (!this.nonAscii) return false;
    const a = this.ranges;
    let lo = 0;
    let hi = (a.length >> 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (c < a[2 * mid]) hi = mid - 1;
      else if (c > a[2 * mid + 1]) lo = mid + 1;
      else return true;
    }
    return false;
  }
}
