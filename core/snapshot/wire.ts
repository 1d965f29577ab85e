/**
 * The snapshot payload's wire format: a self-describing stream of tagged items written
 * straight into a growable byte buffer (no intermediate arrays, no general-purpose codec).
 *
 * One tag byte, then its payload:
 * - `0x80 | n`: the integer n (0 … 127);
 * - undefined, null, false, true, array hole, TDZ marker: the tag alone;
 * - unsigned / negative integer: a varint (LEB128, at most 8 bytes, ≤ 2^53 − 1) of |n|;
 * - float64 (every other number, incl. -0, NaN, ±Infinity): 8 bytes little-endian;
 * - one-byte string (every code unit < 256): varint length, the bytes (Latin-1);
 * - two-byte string: varint length in code units, UTF-16LE (lone surrogates kept);
 * - node reference: varint node number; or the tag alone for the node after the previous
 *   reference in the same section (arrays of objects allocated in order);
 * - `0x20 | n`: a one-byte string of n < 32 code units, the bytes;
 * - bigint: varint length, its base-16 text (Latin-1);
 * - array: varint item count, then the items; bytes: varint length, the bytes;
 * - map (plain host data only): varint entry count, then key, value pairs.
 *
 * The reader bounds every length by the bytes that remain, so damaged input cannot make
 * it allocate more than the input's size, and it never reads past the end.
 */
import { SerializationError } from '../errors';

export const enum W {
  Undef = 0,
  Null = 1,
  False = 2,
  True = 3,
  Hole = 4,
  Tdz = 5,
  UInt = 6,
  NegInt = 7,
  F64 = 8,
  Str1 = 9,
  Str2 = 10,
  Ref = 11,
  BigInt = 12,
  Arr = 13,
  Bytes = 14,
  Map = 15,
  /** A reference to the node after the previous reference of the same section. */
  RefNext = 16,
  /** Tags ShortStr … ShortStr + 31: a one-byte string of tag - ShortStr code units. */
  ShortStr = 0x20,
  /** Tags from here on are small integers: tag - SmallInt. */
  SmallInt = 0x80,
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const NOT_LATIN1 = /[^\x00-\xff]/;

function fail(message: string): never {
  throw new SerializationError(message);
}

/** A growable byte buffer written with typed-array stores. Reused between snapshots. */
export class Writer {
  buf: Uint8Array;
  dv: DataView;
  private nbuf: Buffer | null = null;
  pos = 0;
  /** The node of the previous reference written (see RefNext). */
  lastRef = -1;

  constructor(size = 1024) {
    this.buf = new Uint8Array(size);
    this.dv = new DataView(this.buf.buffer);
  }

  /** A Node Buffer over the same bytes (long strings are written through it). */
  get nb(): Buffer {
    return (this.nbuf ??= Buffer.from(this.buf.buffer, 0, this.buf.length));
  }

  /** Makes room for `n` more bytes. */
  room(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  private grow(n: number): void {
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.pos));
    this.buf = b;
    this.dv = new DataView(b.buffer);
    this.nbuf = null;
  }

  /** Starts over (keeping the buffer). */
  reset(): void {
    this.pos = 0;
    this.lastRef = -1;
  }

  /** The bytes written so far (a view: copy before the writer is reused). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  u8(x: number): void {
    if (this.pos >= this.buf.length) this.grow(1);
    this.buf[this.pos++] = x;
  }

  /** An unsigned varint (x an integer in 0 … 2^53 − 1). */
  uv(x: number): void {
    this.room(8);
    const b = this.buf;
    let p = this.pos;
    while (x >= 128) {
      b[p++] = (x & 127) | 128; // (low bits survive ToInt32 beyond 2^31)
      x = Math.floor(x / 128);
    }
    b[p++] = x;
    this.pos = p;
  }

  /** Any number, tagged. */
  num(v: number): void {
    if ((v | 0) === v && v > 0) {
      if (v < 128) {
        if (this.pos >= this.buf.length) this.grow(1);
        this.buf[this.pos++] = W.SmallInt | v;
        return;
      }
      this.room(6);
      const b = this.buf;
      let p = this.pos;
      b[p++] = W.UInt;
      while (v >= 128) {
        b[p++] = (v & 127) | 128;
        v >>>= 7;
      }
      b[p++] = v;
      this.pos = p;
      return;
    }
    if (v === 0 && 1 / v > 0) {
      this.u8(W.SmallInt);
      return;
    }
    if (Number.isInteger(v) && v !== 0 && v <= MAX_SAFE && v >= -MAX_SAFE) {
      this.u8(v > 0 ? W.UInt : W.NegInt);
      this.uv(v > 0 ? v : -v);
      return;
    }
    this.room(9);
    this.buf[this.pos++] = W.F64;
    this.dv.setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  /** A string, tagged (one-byte when it can be). */
  str(s: string): void {
    const n = s.length;
    if (n < 32) {
      this.room(2 + 2 * n);
      const b = this.buf;
      const start = this.pos;
      b[start] = W.ShortStr | n;
      let p = start + 1;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c > 255) {
          b[start] = W.Str2;
          b[start + 1] = n; // (n < 128: a one-byte varint)
          p = start + 2;
          for (let j = 0; j < n; j++) {
            const d = s.charCodeAt(j);
            b[p++] = d & 255;
            b[p++] = d >> 8;
          }
          this.pos = p;
          return;
        }
        b[p++] = c;
      }
      this.pos = p;
      return;
    }
    if (n < 48) {
      this.room(2 + 2 * n);
      const b = this.buf;
      const start = this.pos;
      b[start] = W.Str1;
      b[start + 1] = n; // (n < 128: a one-byte varint)
      let p = start + 2;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c > 255) {
          b[start] = W.Str2;
          p = start + 2;
          for (let j = 0; j < n; j++) {
            const d = s.charCodeAt(j);
            b[p++] = d & 255;
            b[p++] = d >> 8;
          }
          this.pos = p;
          return;
        }
        b[p++] = c;
      }
      this.pos = p;
      return;
    }
    const wide = NOT_LATIN1.test(s);
    this.u8(wide ? W.Str2 : W.Str1);
    this.uv(n);
    this.room(wide ? 2 * n : n);
    this.pos += this.nb.write(s, this.pos, wide ? 'utf16le' : 'latin1');
  }

  ref(i: number): void {
    if (i === this.lastRef + 1) this.u8(W.RefNext);
    else {
      this.u8(W.Ref);
      this.uv(i);
    }
    this.lastRef = i;
  }

  arr(n: number): void {
    this.u8(W.Arr);
    this.uv(n);
  }

  raw(b: Uint8Array): void {
    this.u8(W.Bytes);
    this.uv(b.length);
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  bigint(v: bigint): void {
    const s = v.toString(16);
    this.u8(W.BigInt);
    this.uv(s.length);
    this.room(s.length);
    this.pos += this.nb.write(s, this.pos, 'latin1');
  }

  /** Plain host data: scalars, arrays and plain records of them. */
  plain(v: unknown): void {
    if (v === undefined) this.u8(W.Undef);
    else if (v === null) this.u8(W.Null);
    else if (typeof v === 'boolean') this.u8(v ? W.True : W.False);
    else if (typeof v === 'number') this.num(v);
    else if (typeof v === 'string') this.str(v);
    else if (Array.isArray(v)) {
      this.arr(v.length);
      for (const x of v) this.plain(x);
    } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const keys = Object.keys(v);
      this.u8(W.Map);
      this.uv(keys.length);
      for (const k of keys) {
        this.str(k);
        this.plain((v as Record<string, unknown>)[k]);
      }
    } else fail(`cannot snapshot host data of type ${typeof v}`);
  }
}

/** Reads the stream; every read is bounds-checked and fails with a SerializationError. */
export class Reader {
  readonly buf: Uint8Array;
  readonly dv: DataView;
  readonly nb: Buffer;
  pos = 0;
  readonly end: number;
  /** The node of the previous reference read in this section (see RefNext). */
  lastRef = -1;

  constructor(bytes: Uint8Array) {
    this.buf = bytes;
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.nb = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = bytes.length;
  }

  tag(): number {
    if (this.pos >= this.end) fail('corrupt snapshot: records end early');
    return this.buf[this.pos++];
  }

  uv(): number {
    let x = 0;
    let mul = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.end) fail('corrupt snapshot: records end early');
      const b = this.buf[this.pos++];
      x += (b & 127) * mul;
      if (b < 128) {
        if (x > MAX_SAFE) break;
        return x;
      }
      mul *= 128;
    }
    return fail('corrupt snapshot: bad number');
  }

  /** A length of items of at least `unit` bytes each, bounded by the bytes that remain. */
  len(unit: number): number {
    const n = this.uv();
    if (n * unit > this.end - this.pos) fail('corrupt snapshot: a length runs past the end');
    return n;
  }

  f64(): number {
    if (this.pos + 8 > this.end) fail('corrupt snapshot: records end early');
    const v = this.dv.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  str1(n: number): string {
    const p = this.pos;
    this.pos = p + n;
    const b = this.buf;
    // short strings in one call (a flat string, no concatenation); longer ones natively
    switch (n) {
      case 0:
        return '';
      case 1:
        return String.fromCharCode(b[p]);
      case 2:
        return String.fromCharCode(b[p], b[p + 1]);
      case 3:
        return String.fromCharCode(b[p], b[p + 1], b[p + 2]);
      case 4:
        return String.fromCharCode(b[p], b[p + 1], b[p + 2], b[p + 3]);
      case 5:
        return String.fromCharCode(b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4]);
      case 6:
        return String.fromCharCode(b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4], b[p + 5]);
      case 7:
        return String.fromCharCode(b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4], b[p + 5], b[p + 6]);
      case 8:
        return String.fromCharCode(b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4], b[p + 5], b[p + 6], b[p + 7]);
    }
    if (n < 32) return String.fromCharCode.apply(null, b.subarray(p, p + n) as unknown as number[]);
    return this.nb.toString('latin1', p, p + n);
  }

  str2(n: number): string {
    const p = this.pos;
    this.pos = p + 2 * n;
    if (n < 24) {
      const b = this.buf;
      let s = '';
      for (let i = p; i < p + 2 * n; i += 2) s += String.fromCharCode(b[i] | (b[i + 1] << 8));
      return s;
    }
    return this.nb.toString('utf16le', p, p + 2 * n);
  }

  bytes(n: number): Uint8Array {
    const b = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  bigint(): bigint {
    const s = this.str1(this.len(1));
    if (!/^-?[0-9a-f]+$/.test(s)) fail('corrupt snapshot: bad bigint');
    return s.startsWith('-') ? -BigInt('0x' + s.slice(1)) : BigInt('0x' + s);
  }
}

// ---- the stream as a tree (tests and the fuzzer edit payloads this way) --------------------

/** A node reference in a payload tree (null: the node after the section's previous reference). */
export class TreeRef {
  constructor(public node: number | null) {}
}

/** An array hole or TDZ marker in a payload tree. */
export class TreeMarker {
  constructor(public marker: 'hole' | 'tdz') {}
}

const MAX_TREE_DEPTH = 64;

function readItem(r: Reader, depth: number): unknown {
  const t = r.tag();
  if (t >= W.SmallInt) return t - W.SmallInt;
  if (t >= W.ShortStr && t < W.ShortStr + 32) {
    const n = t - W.ShortStr;
    if (n > r.end - r.pos) fail('corrupt snapshot: a length runs past the end');
    return r.str1(n);
  }
  switch (t) {
    case W.Undef:
      return undefined;
    case W.Null:
      return null;
    case W.False:
      return false;
    case W.True:
      return true;
    case W.Hole:
      return new TreeMarker('hole');
    case W.Tdz:
      return new TreeMarker('tdz');
    case W.UInt:
      return r.uv();
    case W.NegInt:
      return -r.uv();
    case W.F64:
      return r.f64();
    case W.Str1:
      return r.str1(r.len(1));
    case W.Str2:
      return r.str2(r.len(2));
    case W.Ref:
      return new TreeRef(r.uv());
    case W.RefNext:
      return new TreeRef(null);
    case W.BigInt:
      return r.bigint();
    case W.Bytes:
      return r.bytes(r.len(1));
  }
  if (depth > MAX_TREE_DEPTH) fail('corrupt snapshot: nested too deeply');
  if (t === W.Arr) {
    const n = r.len(1);
    const a: unknown[] = [];
    for (let i = 0; i < n; i++) a.push(readItem(r, depth + 1));
    return a;
  }
  if (t === W.Map) {
    const n = r.len(2);
    const o: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const k = readItem(r, depth + 1);
      if (typeof k !== 'string' || k === '__proto__') fail('corrupt snapshot: bad map key');
      o[k] = readItem(r, depth + 1);
    }
    return o;
  }
  return fail('corrupt snapshot: unknown value tag');
}

/** The payload's top-level items as a tree (arrays, plain records, {@link TreeRef}s, {@link TreeMarker}s). */
export function readTree(payload: Uint8Array): unknown[] {
  const r = new Reader(payload);
  const out: unknown[] = [];
  while (r.pos < r.end) out.push(readItem(r, 0));
  return out;
}

function writeItem(w: Writer, v: unknown): void {
  if (v instanceof TreeRef) {
    if (v.node === null) w.u8(W.RefNext);
    else if (!Number.isInteger(v.node) || v.node < 0 || v.node > MAX_SAFE) fail('not a node number');
    else {
      w.u8(W.Ref);
      w.uv(v.node);
    }
  } else if (v instanceof TreeMarker) w.u8(v.marker === 'hole' ? W.Hole : W.Tdz);
  else if (typeof v === 'bigint') w.bigint(v);
  else if (v instanceof Uint8Array) w.raw(v);
  else if (Array.isArray(v)) {
    w.arr(v.length);
    for (const x of v) writeItem(w, x);
  } else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const keys = Object.keys(v);
    w.u8(W.Map);
    w.uv(keys.length);
    for (const k of keys) {
      w.str(k);
      writeItem(w, (v as Record<string, unknown>)[k]);
    }
  } else w.plain(v);
}

/** Encodes top-level items (a tree from {@link readTree}, possibly edited) back into a payload. */
export function writeTree(items: readonly unknown[]): Uint8Array {
  const w = new Writer();
  for (const v of items) writeItem(w, v);
  return w.bytes().slice();
}
