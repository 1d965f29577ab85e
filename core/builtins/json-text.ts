/**
 * JSON.stringify's output under construction: UTF-8 bytes in a growable buffer, decoded to a
 * string once at the end.
 *
 * The output is many short pieces (punctuation, keys, numbers, short strings). Appended to a
 * string, each piece made a rope node and the rope was flattened at the end; writing bytes
 * took about half the time (docs/BENCH.md, json-roundtrip). JSON text holds no lone surrogate
 * (JSON.stringify escapes them), so UTF-8 carries it exactly.
 */

/** A piece of text prepared once and written many times (an object key with its punctuation). */
export interface TextPiece {
  readonly bytes: Uint8Array;
  /** UTF-8 bytes beyond one per UTF-16 code unit (see {@link JsonText.extra}). */
  readonly extra: number;
}

const utf8 = new TextEncoder();
// (ignoreBOM: keep a leading U+FEFF; JSON text cannot start with one, but the decoder must not edit the text)
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The bytes of `s` (which has no lone surrogate), for {@link JsonText.piece}. */
export function textPiece(s: string): TextPiece {
  const bytes = utf8.encode(s);
  return { bytes, extra: bytes.length - s.length };
}

/** Whether `s` from `i` has nothing JSON escapes: no control character, quote, backslash or surrogate. */
function plainFrom(s: string, i: number): boolean {
  for (const n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** Buffers above this size are not kept for the next stringify. */
const KEEP = 1 << 20;
let spare: Uint8Array | null = null;

export class JsonText {
  buf: Uint8Array;
  pos = 0;
  /** UTF-8 bytes beyond one per UTF-16 code unit so far: the text's length is `pos - extra`. */
  extra = 0;

  constructor() {
    this.buf = spare ?? new Uint8Array(64 * 1024);
    spare = null;
  }

  /** The length of the text so far, in UTF-16 code units (as the string will have it). */
  get length(): number {
    return this.pos - this.extra;
  }

  /** Room for `n` more bytes. */
  room(n: number): void {
    if (this.pos + n > this.buf.length) {
      const b = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
      b.set(this.buf.subarray(0, this.pos));
      this.buf = b;
    }
  }

  /** One ASCII character (a code below 0x80). */
  byte(c: number): void {
    if (this.pos >= this.buf.length) this.room(1);
    this.buf[this.pos++] = c;
  }

  /** Any string without lone surrogates. */
  write(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = p;
        this.writeWide(s, i);
        return;
      }
      b[p++] = c;
    }
    this.pos = p;
  }

  /** The rest of `s` from `i`, which is not ASCII: UTF-8 encoded. */
  private writeWide(s: string, i: number): void {
    const n = s.length;
    this.room(3 * (n - i));
    const b = this.buf;
    let p = this.pos;
    let extra = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) b[p++] = c;
      else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
        extra += 1;
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        // a surrogate pair: one code point, four bytes for two code units
        const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        b[p++] = 0xf0 | (cp >> 18);
        b[p++] = 0x80 | ((cp >> 12) & 63);
        b[p++] = 0x80 | ((cp >> 6) & 63);
        b[p++] = 0x80 | (cp & 63);
        extra += 2;
      } else {
        // (a lone surrogate would be replaced when decoded: the callers escape them first)
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
        extra += 2;
      }
    }
    this.pos = p;
    this.extra += extra;
  }

  /** A prepared piece. */
  piece(t: TextPiece): void {
    const n = t.bytes.length;
    if (this.pos + n > this.buf.length) this.room(n);
    this.buf.set(t.bytes, this.pos);
    this.pos += n;
    this.extra += t.extra;
  }

  /** A number as JSON writes it: finite numbers as String() does, the others as null. */
  num(v: number): void {
    if ((v | 0) === v && v !== -2147483648) {
      // (an int32, -0 included: written "0", as String(-0) is; `| 0` keeps the digit loop in
      // integer arithmetic, which a double `v` would not be)
      this.room(11);
      const b = this.buf;
      let p = this.pos;
      let u = v | 0;
      if (u < 0) {
        b[p++] = 45;
        u = -u;
      }
      p += u < 10 ? 1 : u < 100 ? 2 : u < 1000 ? 3 : u < 10000 ? 4 : u < 100000 ? 5 : u < 1000000 ? 6 : u < 10000000 ? 7 : u < 100000000 ? 8 : u < 1000000000 ? 9 : 10;
      this.pos = p;
      do {
        const r = (u / 10) | 0;
        b[--p] = 48 + u - r * 10;
        u = r;
      } while (u > 0);
      return;
    }
    this.write(Number.isFinite(v) ? String(v) : 'null');
  }

  /** `s` as a JSON string literal, escaped exactly as V8's JSON.stringify escapes it. */
  quoted(s: string): void {
    const n = s.length;
    this.room(n + 2);
    const b = this.buf;
    const start = this.pos;
    let p = start;
    b[p++] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c === 34 || c === 92 || c >= 0x80) {
        if (c >= 0x80 && plainFrom(s, i)) {
          // beyond ASCII but nothing to escape: the rest UTF-8 encoded
          this.pos = p;
          this.writeWide(s, i);
          this.byte(34);
          return;
        }
        // an escape: the host's JSON.stringify of a host string is exactly V8's (lone
        // surrogates become \udxxx, so the text stays valid UTF-16)
        this.pos = start;
        this.write(JSON.stringify(s));
        return;
      }
      b[p++] = c;
    }
    b[p++] = 34;
    this.pos = p;
  }

  /** The text written so far, as a string. */
  text(): string {
    return this.pos === 0 ? '' : decoder.decode(this.buf.subarray(0, this.pos));
  }

  /** Hands the buffer back for the next stringify (after the text, or after an error). */
  release(): void {
    if (this.buf.length <= KEEP) spare = this.buf;
    this.pos = 0;
    this.extra = 0;
  }
}
