/**
 * JSON.parse and JSON.stringify.
 *
 * `parse` is a native, iterative parser (an explicit stack, so any nesting depth is fine and
 * the host stack is never at risk) that builds guest objects directly and reports errors with
 * V8's messages (src/json/json-parser.cc). A reviver runs in the prelude (`jsonRevive`).
 *
 * `stringify` has a native, iterative fast path for the common case: no replacer function and
 * nothing in the graph that needs guest code (a guest `toJSON`, a getter, a boxed primitive
 * with its own `valueOf`…). Built-in Date `toJSON`s are handled natively. When the fast path
 * meets something it cannot do without guest code, it gives up (it has had no observable
 * effect) and the prelude's spec-exact `jsonStringifySlow` does the whole job. The fast path
 * writes its text as UTF-8 bytes and decodes it once (json-text.ts). Nesting deeper
 * than {@link MAX_DEPTH} throws V8's RangeError ("Maximum call stack size exceeded"), as V8
 * does at a similar depth.
 *
 * Cost: both directions charge the heap per object/array/string they create and check the
 * heap budget (and the maximum string length) as the output grows, so `stringify` of a
 * shared-reference bomb stops with a LimitError before the host allocates the text.
 */
import { Accessor, Cls, JSArray, JSDate, JSFunction, JSObject, JSPrimitiveObject, NativeFunction, isCallable } from '../objects';
import { addPreludeModule } from '../prelude/index';
import { Attr, type Shape } from '../shape';

import { GSymbol, HOLE, WELL_KNOWN, type Marker, type PropertyKey, type Value } from '../value';
import { Cont } from '../vm/frame';
import type { VM } from '../vm/interpreter';
import { registerInstaller, type Realm } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { ARRAY_BYTES, OBJECT_BYTES, SLOT_BYTES } from '../vm/heapcost';
import { LimitError } from '../errors';
import { isoString } from './date';
import { guestArgs, str } from './convert';
import { constructorName } from './util';
import { joinAll } from './util';
import { JsonText, textPiece, type TextPiece } from './json-text';

/** Nesting depth at which stringify throws V8's stack-overflow RangeError (V8: ~4100-4200). */
export const MAX_DEPTH = 4096;
/** Guest frames kept free below the call-depth limit when the prelude recurses (a deeper
 * structure throws V8's RangeError instead of the VM's callDepth LimitError). */
const STACK_MARGIN = 16;
/** How much output/heap growth between budget checks. */
const CHECK_EVERY = 1 << 20;
/** Host bytes per depth of the parser's own state: 4 arrays × 8 bytes, doubled for their growth. */
const DEPTH_BYTES = 64;

// ---- parse ------------------------------------------------------------------------------------

const enum Tok {
  EOS,
  NUMBER,
  STRING,
  OTHER,
}

/** V8's JsonToken for the character at `pos` (only the classes error messages need). */
function tokenAt(text: string, pos: number): Tok {
  if (pos >= text.length) return Tok.EOS;
  const c = text.charCodeAt(pos);
  if (c === 34) return Tok.STRING;
  if ((c >= 48 && c <= 57) || c === 45) return Tok.NUMBER;
  return Tok.OTHER;
}

const SPECIAL = new Set(['NaN', 'Infinity', 'undefined', '[object Object]']);

/** ReportUnexpectedToken(token) without an explicit message. */
function unexpected(text: string, pos: number, token: Tok = tokenAt(text, pos)): never {
  let msg: string;
  switch (token) {
    case Tok.EOS:
      msg = 'Unexpected end of JSON input';
      break;
    case Tok.NUMBER:
      msg = `Unexpected number in JSON at position ${pos}`;
      break;
    case Tok.STRING:
      msg = `Unexpected string in JSON at position ${pos}`;
      break;
    default: {
      if (SPECIAL.has(text)) {
        msg = `"${text}" is not valid JSON`;
        break;
      }
      const ch = text[pos];
      const len = text.length;
      if (len >= 21) {
        if (pos < 10) msg = `Unexpected token '${ch}', "${text.slice(0, pos + 10)}"... is not valid JSON`;
        else if (pos < len - 10) msg = `Unexpected token '${ch}', ..."${text.slice(pos - 10, pos + 10)}"... is not valid JSON`;
        else msg = `Unexpected token '${ch}', ..."${text.slice(pos - 10)}" is not valid JSON`;
      } else msg = `Unexpected token '${ch}', "${text}" is not valid JSON`;
    }
  }
  throw new GuestError('SyntaxError', msg);
}

/** An error with V8's explicit message template. */
function fail(what: string, pos: number): never {
  throw new GuestError('SyntaxError', `${what} in JSON at position ${pos}`);
}

class Parser {
  i = 0;
  bytes = 0;
  nextCheck = CHECK_EVERY;
  constructor(
    readonly vm: VM,
    readonly text: string,
  ) {}

  /** The position of the first character at or after `i` that is not JSON whitespace. */
  private wsFrom(i: number): number {
    const t = this.text;
    let c = t.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++i);
    return i;
  }

  /**
   * A container opened deeper than any before: the parser's own per-depth state grows (four
   * host arrays, with their growth). It is counted as heap under construction, so a deep
   * nest (`'['.repeat(1e6)`) stops at the heap limit before the host holds its bookkeeping,
   * not only when the arrays close.
   */
  private deeper(guesses: (Shape | null)[]): void {
    guesses.push(null);
    this.account(DEPTH_BYTES);
  }

  private account(n: number): void {
    if ((this.bytes += n) > this.nextCheck) this.checkHeap();
  }

  /** Reserves the heap for what the parser has built so far (not reachable from the VM's roots yet). */
  private checkHeap(): void {
    this.nextCheck = this.bytes + CHECK_EVERY;
    this.vm.reserve(this.bytes);
  }

  /**
   * The value stack holds the open containers' contents: an array's elements, or an
   * object's key/value pairs interleaved; each open container records where its part
   * starts. Objects and arrays get exactly sized slot/element arrays when they close.
   *
   * Shape prediction: the shape of the last object closed at a depth is the guess for the
   * next object opened there (records in an array share one). While its keys match the
   * text verbatim they are taken from the shape (no key string, no hashing, no transition
   * lookups), and a full match reuses the shape itself. Only shapes whose keys contain no
   * `"`, `\` or control character are guesses, so a verbatim match is exactly the key the
   * scanner would have produced.
   */
  parse(): Value {
    const t = this.text;
    const vm = this.vm;
    const r = vm.realm;
    const objShape = r.objectRootShape;
    const OP = r.ObjectPrototype;
    // per open container (by depth): the object (null for an array), where its part of
    // `vals` starts, and whether its keys so far follow the guess
    const objs: (JSObject | null)[] = [];
    const bases: number[] = [];
    const following: boolean[] = [];
    /** The guessed shape per depth (persists across siblings). */
    const guesses: (Shape | null)[] = [];
    const vals: (Value | string)[] = [];
    let sp = 0;
    let depth = 0;
    let v: Value;
    // The position lives in `i`; the helpers for escapes, long numbers and errors take and
    // return it through this.i. The common tokens are scanned inline: this loop is too
    // large for V8 to inline its callees, and a call per token was a third of its time.
    let i = this.i;
    for (;;) {
      // ---- produce a value; or open an object and go on to its first key ----
      let c = t.charCodeAt(i);
      if (c <= 32) c = t.charCodeAt((i = this.wsFrom(i)));
      let keyNext = false;
      switch (c) {
        case 34: {
          // "…": inline up to the closing quote when there is no escape before it (a control
          // character, an escape or the end: the full scanner, which also reports errors)
          let j = i + 1;
          let d = t.charCodeAt(j);
          while (d !== 34 && d !== 92 && d >= 32) d = t.charCodeAt(++j);
          if (d === 34) {
            v = t.slice(i + 1, j);
            this.account(16 + (j - i - 1) * 2);
            i = j + 1;
          } else {
            this.i = i;
            v = this.scanString();
            i = this.i;
          }
          break;
        }
        case 123: {
          // {
          i++;
          c = t.charCodeAt(i);
          if (c <= 32) c = t.charCodeAt((i = this.wsFrom(i)));
          if (c === 125) {
            i++;
            vm.charge(OBJECT_BYTES);
            this.account(OBJECT_BYTES);
            v = new JSObject(OP, Cls.Object, objShape);
            break;
          }
          if (c !== 34) fail("Expected property name or '}'", i);
          if (guesses.length <= depth) this.deeper(guesses);
          objs[depth] = new JSObject(OP, Cls.Object, objShape);
          bases[depth] = sp;
          following[depth] = guesses[depth] !== null;
          depth++;
          keyNext = true;
          break;
        }
        case 91: // [
          i++;
          c = t.charCodeAt(i);
          if (c <= 32) c = t.charCodeAt((i = this.wsFrom(i)));
          if (c === 93) {
            i++;
            v = vm.newArray([]);
            this.account(ARRAY_BYTES);
            break;
          }
          objs[depth] = null;
          bases[depth] = sp;
          if (guesses.length <= depth) this.deeper(guesses);
          depth++;
          continue;
        case 116: // t
          if (t.charCodeAt(i + 1) === 114 && t.charCodeAt(i + 2) === 117 && t.charCodeAt(i + 3) === 101) i += 4;
          else this.badLiteral(i, 'true');
          v = true;
          break;
        case 102: // f
          if (t.charCodeAt(i + 1) === 97 && t.charCodeAt(i + 2) === 108 && t.charCodeAt(i + 3) === 115 && t.charCodeAt(i + 4) === 101) i += 5;
          else this.badLiteral(i, 'false');
          v = false;
          break;
        case 110: // n
          if (t.charCodeAt(i + 1) === 117 && t.charCodeAt(i + 2) === 108 && t.charCodeAt(i + 3) === 108) i += 4;
          else this.badLiteral(i, 'null');
          v = null;
          break;
        default: {
          // a non-negative integer of up to 15 digits inline; any other number scanned in full
          if (c >= 49 && c <= 57) {
            let n = c - 48;
            let j = i + 1;
            let d = t.charCodeAt(j);
            while (d >= 48 && d <= 57 && j - i < 15) {
              n = n * 10 + (d - 48);
              d = t.charCodeAt(++j);
            }
            if (!(d >= 48 && d <= 57) && d !== 46 && d !== 101 && d !== 69) {
              v = n;
              i = j;
              break;
            }
          } else if (!(c === 48 || c === 45)) unexpected(t, i);
          this.i = i;
          v = this.scanNumber();
          i = this.i;
        }
      }
      // ---- consume produced values, up to the next value or key ----
      while (!keyNext) {
        if (depth === 0) {
          i = this.wsFrom(i);
          if (i < t.length) throw new GuestError('SyntaxError', `Unexpected non-whitespace character after JSON at position ${i}`);
          return v;
        }
        vals[sp++] = v;
        const d = depth - 1;
        const o = objs[d];
        let c2 = t.charCodeAt(i);
        if (c2 <= 32) c2 = t.charCodeAt((i = this.wsFrom(i)));
        if (o !== null) {
          if (c2 === 44) {
            i++;
            c2 = t.charCodeAt(i);
            if (c2 <= 32) c2 = t.charCodeAt((i = this.wsFrom(i)));
            if (c2 !== 34) fail('Expected double-quoted property name', i);
            keyNext = true;
            break;
          }
          if (c2 !== 125) fail("Expected ',' or '}' after property value", i);
          i++;
          const b = bases[d];
          const n = (sp - b) >> 1;
          const g = guesses[d];
          // (o is fresh: no slots yet)
          if (following[d] && g!.keys.length === n) {
            o.shape = g!;
            o.fillSlots(vals, b + 1, 2, n);
          } else {
            let s = objShape;
            for (let j = b; j < sp; j += 2) {
              const key = vals[j] as string;
              const idx = s.index.get(key);
              if (idx === undefined) {
                s = s.add(key, Attr.Default);
                o.pushSlot(vals[j + 1] as Value);
              } else o.setSlot(idx, vals[j + 1] as Value);
            }
            o.shape = s;
            guesses[d] = !s.dictionary && plainKeys(s) ? s : null;
          }
          sp = b;
          const bytes = OBJECT_BYTES + n * SLOT_BYTES;
          vm.charge(bytes);
          this.account(bytes);
          v = o;
          objs[d] = null;
          depth = d;
          continue;
        }
        if (c2 === 44) {
          i++;
          break;
        }
        if (c2 !== 93) fail("Expected ',' or ']' after array element", i);
        i++;
        const b = bases[d];
        const el = vals.slice(b, sp) as Value[];
        sp = b;
        v = vm.newArray(el);
        this.account(ARRAY_BYTES + el.length * SLOT_BYTES);
        depth = d;
      }
      if (!keyNext) continue;
      // ---- a key (at its opening quote) of the innermost open object, then ':' ----
      const d = depth - 1;
      const k = (sp - bases[d]) >> 1;
      let key: string | null = null;
      if (following[d]) {
        // the guessed shape's key k, if the text spells it verbatim
        const keys = guesses[d]!.keys;
        if (k < keys.length) {
          const g = keys[k] as string;
          const n = g.length;
          const start = i + 1;
          if (t.charCodeAt(start + n) === 34) {
            let m = 0;
            while (m < n && t.charCodeAt(start + m) === g.charCodeAt(m)) m++;
            if (m === n) {
              key = g;
              i = start + n + 1;
              this.account(16 + n * 2);
            }
          }
        }
        if (key === null) following[d] = false;
      }
      if (key === null) {
        this.i = i;
        key = this.scanString();
        i = this.i;
      }
      vals[sp++] = key;
      c = t.charCodeAt(i);
      if (c <= 32) c = t.charCodeAt((i = this.wsFrom(i)));
      if (c !== 58) {
        // V8 11 reports a missing ':' after a later key as an unexpected token
        if (k === 0) fail("Expected ':' after property name", i);
        unexpected(t, i);
      }
      i++;
    }
  }

  /** A literal that does not match at `start` (`word` is what its first letter began): V8's error. */
  private badLiteral(start: number, word: string): never {
    this.i = start;
    this.literal(word);
    // (literal() returned: the word is there after all; the caller's inline check disagrees)
    throw new Error('json: literal check out of step');
  }

  private literal(word: string): void {
    const t = this.text;
    const start = this.i;
    if (t.startsWith(word, start)) {
      this.i = start + word.length;
      return;
    }
    // V8's ScanLiteral: report the first mismatching character (or the end)
    let i = start + 1;
    for (let k = 1; k < word.length; k++, i++) {
      if (i >= t.length) unexpected(t, i, Tok.EOS);
      if (t.charCodeAt(i) !== word.charCodeAt(k)) unexpected(t, i);
    }
    unexpected(t, i, Tok.EOS);
  }

  private scanNumber(): number {
    const t = this.text;
    const start = this.i;
    let i = start;
    let c = t.charCodeAt(i);
    const neg = c === 45;
    if (neg) c = t.charCodeAt(++i);
    let intVal = 0;
    let simple = true;
    if (c === 48) {
      c = t.charCodeAt(++i);
      if (c >= 48 && c <= 57) unexpected(t, i, Tok.NUMBER);
    } else if (c >= 49 && c <= 57) {
      const digitsStart = i;
      do {
        intVal = intVal * 10 + (c - 48);
        c = t.charCodeAt(++i);
      } while (c >= 48 && c <= 57);
      if (i - digitsStart > 15) simple = false;
    } else fail('No number after minus sign', i);
    if (c === 46) {
      simple = false;
      c = t.charCodeAt(++i);
      if (!(c >= 48 && c <= 57)) fail('Unterminated fractional number', i);
      do c = t.charCodeAt(++i);
      while (c >= 48 && c <= 57);
    }
    if (c === 101 || c === 69) {
      simple = false;
      c = t.charCodeAt(++i);
      if (c === 43 || c === 45) c = t.charCodeAt(++i);
      if (!(c >= 48 && c <= 57)) fail('Exponent part is missing a number', i);
      do c = t.charCodeAt(++i);
      while (c >= 48 && c <= 57);
    }
    this.i = i;
    if (simple) return neg ? -intVal : intVal;
    return Number(t.slice(start, i));
  }

  /** Scans a string starting at the opening quote (at this.i). */
  private scanString(): string {
    const t = this.text;
    const n = t.length;
    let i = this.i + 1;
    const start = i;
    for (;;) {
      if (i >= n) fail('Unterminated string', n);
      const c = t.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        const s = t.slice(start, i);
        this.account(16 + s.length * 2);
        return s;
      }
      if (c === 92) break;
      if (c < 32) fail('Bad control character in string literal', i);
      i++;
    }
    // with escapes
    let out = t.slice(start, i);
    for (;;) {
      if (i >= n) fail('Unterminated string', n);
      const c = t.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        this.account(16 + out.length * 2);
        return out;
      }
      if (c < 32) fail('Bad control character in string literal', i);
      if (c !== 92) {
        let j = i + 1;
        while (j < n) {
          const d = t.charCodeAt(j);
          if (d === 34 || d === 92 || d < 32) break;
          j++;
        }
        out += t.slice(i, j);
        i = j;
        continue;
      }
      i++;
      if (i >= n) unexpected(t, i, Tok.EOS);
      const e = t.charCodeAt(i);
      switch (e) {
        case 34:
          out += '"';
          break;
        case 92:
          out += '\\';
          break;
        case 47:
          out += '/';
          break;
        case 98:
          out += '\b';
          break;
        case 102:
          out += '\f';
          break;
        case 110:
          out += '\n';
          break;
        case 114:
          out += '\r';
          break;
        case 116:
          out += '\t';
          break;
        case 117: {
          let v = 0;
          for (let k = 0; k < 4; k++) {
            i++;
            const h = i < n ? hexValue(t.charCodeAt(i)) : -1;
            if (h < 0) fail('Bad Unicode escape', i);
            v = v * 16 + h;
          }
          out += String.fromCharCode(v);
          break;
        }
        default:
          if (e > 255) unexpected(t, i, Tok.OTHER);
          fail('Bad escaped character', i);
      }
      i++;
    }
  }
}

/** Whether every key is a string the JSON text spells verbatim (no quote, backslash or control
 * character), so a verbatim match in the text is that key. */
function plainKeys(s: Shape): boolean {
  for (const k of s.keys) {
    if (typeof k !== 'string') return false;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (c < 32 || c === 34 || c === 92) return false;
    }
  }
  return true;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

export function jsonParse(vm: VM, text: string): Value {
  // the work is linear in the text: charged as instructions (one per 4 characters)
  vm.chargeWork(1 + (text.length >> 2));
  return new Parser(vm, text).parse();
}

// ---- stringify --------------------------------------------------------------------------------

/** Thrown inside the fast path when guest code would be needed. */
const BAIL: { readonly bail: true } = Object.freeze({ bail: true as const });
/** The stringifier charges and checks its output every this many bytes. */
const CHUNK = 4096;
/** The elements of Array.prototype (an array with none). */
const NO_ELEMENTS: readonly (Value | Marker)[] = Object.freeze([]);
/** Any surrogate code unit (a gap with one takes the guest path: see stringifyFast). */
const SURROGATE = /[\ud800-\udfff]/;
/** A value that serializes to nothing (undefined, functions, symbols). */
const SKIP: { readonly skip: true } = Object.freeze({ skip: true as const });

/** JSON's string quoting: the host's JSON.stringify on a host string is exactly V8's; short
 * strings that need no escaping are quoted directly (faster than the host call). */
function quote(s: string): string {
  const n = s.length;
  if (n > 64) return JSON.stringify(s);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return '"' + s + '"';
}

const keyCache = new Map<string, string>();
function quoteKey(k: string): string {
  let q = keyCache.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (keyCache.size < 4096) keyCache.set(k, q);
  }
  return q;
}

function circularError(vm: VM, objs: JSObject[], keys: (string | number)[], start: number, lastKey: string | number): never {
  const keyText = (k: string | number) => (typeof k === 'number' ? `index ${k}` : `property '${k}'`);
  const ctor = (o: JSObject) => `object with constructor '${constructorName(vm, o)}'`;
  const lines = ['Converting circular structure to JSON', `    --> starting at ${ctor(objs[start])}`];
  let i = start + 1;
  const n = objs.length;
  const prefixEnd = Math.min(n, i + 2);
  for (; i < prefixEnd; i++) lines.push(`    |     ${keyText(keys[i])} -> ${ctor(objs[i])}`);
  if (n > i + 1) lines.push('    |     ...');
  i = Math.max(i, n - 1);
  for (; i < n; i++) lines.push(`    |     ${keyText(keys[i])} -> ${ctor(objs[i])}`);
  lines.push(`    --- ${keyText(lastKey)} closes the circle`);
  throw new GuestError('TypeError', lines.join('\n'));
}

/** What the stringifier caches about a shared (hence immutable) shape. */
interface ShapeInfo {
  /** Slot of an own `toJSON`, or -1. */
  toJSON: number;
  /** Per slot, `"key":` and `,"key":` (built on first use). */
  first: TextPiece[] | null;
  next: TextPiece[] | null;
}
/** Host-side cache keyed by non-dictionary shapes (dictionary shapes change in place). */
const shapeInfos = new WeakMap<Shape, ShapeInfo>();

function shapeInfo(s: Shape): ShapeInfo {
  let info = shapeInfos.get(s);
  if (info === undefined) {
    const t = s.index.get('toJSON');
    info = { toJSON: t === undefined ? -1 : t, first: null, next: null };
    shapeInfos.set(s, info);
  }
  return info;
}

/** The key pieces of a shape whose keys are all strings (no gap). */
function keyPieces(s: Shape): ShapeInfo {
  const info = shapeInfo(s);
  if (info.first === null) {
    const first: TextPiece[] = [];
    const next: TextPiece[] = [];
    for (const k of s.keys) {
      const q = quoteKey(k as string) + ':';
      first.push(textPiece(q));
      next.push(textPiece(',' + q));
    }
    info.first = first;
    info.next = next;
  }
  return info;
}

/** One open object/array of the stringifier (pooled by depth). */
interface SFrame {
  o: JSObject;
  /** Arrays: the elements; objects: null. */
  arr: readonly (Value | Marker)[] | null;
  keys: PropertyKey[] | null;
  /** Fast objects: iterate shape keys and slots directly. */
  fastSlots: boolean;
  /** Fast objects with a shared shape and no gap: the `"key":` pieces per slot. */
  pieces: ShapeInfo | null;
  i: number;
  n: number;
  count: number;
  stepback: string;
}

class Stringifier {
  readonly objs: JSObject[] = [];
  readonly keys: (string | number)[] = [];
  readonly OP: JSObject;
  readonly AP: JSObject;
  constructor(
    readonly vm: VM,
    readonly gap: string,
    /** Newlines between items: a gap, or (as V8 has it) a space number in (0, 1), whose gap is empty. */
    readonly pretty: boolean,
    readonly propList: string[] | null,
    /** console %j: guest toJSONs are ignored and getters skipped instead of bailing out. */
    readonly lenient: boolean,
    readonly intr: Intrinsics,
  ) {
    this.OP = vm.realm.ObjectPrototype;
    this.AP = vm.realm.ArrayPrototype;
  }

  /** toJSON and unwrapping of boxed primitives; SKIP for undefined/functions/symbols. */
  private prepareObject(v: JSObject): Value | typeof SKIP {
    let tj: unknown;
    const p = v.proto;
    const s = v.shape;
    if ((p === this.OP || p === this.AP) && !s.dictionary) {
      const i = shapeInfo(s).toJSON;
      tj = i < 0 ? HOLE : v.getSlot(i);
    } else tj = this.vm.lookup(v, 'toJSON');
    if (tj !== HOLE) {
      if (tj instanceof Accessor) {
        if (!this.lenient) throw BAIL;
      } else if (isCallable(tj as Value)) {
        if (tj === this.intr.dateToJSON && v instanceof JSDate && this.pristineDate(v)) return Number.isFinite(v.time) ? isoString(v.time) : null;
        if (!this.lenient) throw BAIL;
      }
    }
    if (v instanceof JSPrimitiveObject) {
      switch (v.cls) {
        case Cls.Number: {
          const pv = this.vm.toPrimitiveNative(v, 'number');
          if (pv === HOLE) throw BAIL;
          return typeof pv === 'number' ? pv : primNumber(pv as Value);
        }
        case Cls.String: {
          const pv = this.vm.toPrimitiveNative(v, 'string');
          if (pv === HOLE) throw BAIL;
          return typeof pv === 'string' ? pv : primString(pv as Value);
        }
        case Cls.Boolean:
        case Cls.BigInt:
          return v.value;
      }
    }
    if (isCallable(v)) return SKIP;
    return v;
  }

  private pristineDate(d: JSDate): boolean {
    const vm = this.vm;
    const i = this.intr;
    return vm.lookup(d, 'toISOString') === i.dateToISO && vm.lookup(d, WELL_KNOWN.toPrimitive) === i.dateToPrim && vm.lookup(d, 'valueOf') === i.dateValueOf;
  }

  /** Opens an object/array: cycle and depth checks, then a (pooled) frame. */
  /** Instructions already charged for the text written so far (see {@link chargeOutput}). */
  charged = 0;

  /** Charges a chunk of output (one instruction per 4 characters) and stops at the instruction limit. */
  private chargeOutput(chars: number): void {
    const vm = this.vm;
    const n = chars >> 2;
    vm.chargeWork(n);
    this.charged += n;
    const limit = vm.limits.instructions;
    if (vm.instructions > limit) {
      throw new LimitError('instructions', limit, vm.instructions, `limit exceeded: instructions (limit ${limit}) in JSON.stringify; raise it with limits.instructions`);
    }
  }

  private open(o: JSObject, key: string | number, indent: string, pool: SFrame[], depth: number): SFrame {
    const objs = this.objs;
    for (let i = objs.length - 1; i >= 0; i--) if (objs[i] === o) circularError(this.vm, objs, this.keys, i, key);
    if (objs.length >= MAX_DEPTH) throw new GuestError('RangeError', 'Maximum call stack size exceeded');
    objs.push(o);
    this.keys.push(key);
    let f = pool[depth];
    if (f === undefined) {
      f = { o, arr: null, keys: null, fastSlots: false, pieces: null, i: 0, n: 0, count: 0, stepback: indent };
      pool[depth] = f;
    }
    f.o = o;
    f.i = 0;
    f.count = 0;
    f.stepback = indent;
    if (o instanceof JSArray || o === this.AP) {
      // (Array.prototype is an array too, an empty one: built-in prototypes are frozen)
      const el = o instanceof JSArray ? o.elements : NO_ELEMENTS;
      f.arr = el;
      f.keys = null;
      f.n = el.length;
      return f;
    }
    f.arr = null;
    f.fastSlots = false;
    f.pieces = null;
    if (this.propList) f.keys = this.propList;
    else {
      const s = o.shape;
      if (!s.hasIndexKeys && !s.hasAccessors && !s.hasSpecialKeys && !(o instanceof JSPrimitiveObject)) {
        f.keys = s.keys;
        f.fastSlots = true;
        if (!s.dictionary && !this.pretty) f.pieces = keyPieces(s);
      } else f.keys = this.vm.ownKeys(o, true, false);
    }
    f.n = f.keys.length;
    return f;
  }

  /** [[Get]] of an own/inherited property without guest code. */
  private getProp(o: JSObject, k: PropertyKey): Value | typeof SKIP {
    const s = this.vm.lookup(o, k);
    if (s === HOLE) return undefined;
    if (s instanceof Accessor) {
      if (this.lenient) return SKIP;
      throw BAIL;
    }
    return s as Value;
  }

  /** The text so far (see {@link run}). */
  private readonly t = new JsonText();
  /** Where the text is next charged and checked, in bytes; and how many characters have been charged. */
  private nextFlush = CHUNK;
  private flushed = 0;
  private nextCheck = CHECK_EVERY;

  /**
   * Charges the text written since the last flush, as the work is done (a shared-reference
   * bomb writes far more text than it has objects, and must hit the instruction budget before it
   * has used minutes of host time), and checks the string length and the heap as the text grows.
   */
  private flush(): void {
    const t = this.t;
    const total = t.length;
    this.chargeOutput(total - this.flushed);
    this.flushed = total;
    this.nextFlush = t.pos + CHUNK;
    if (total > this.nextCheck) {
      this.nextCheck = total + CHECK_EVERY;
      if (total > this.vm.maxStringLength) this.vm.stringTooLong(total);
      this.vm.reserve(total * 2);
    }
  }

  /** The text as a string (undefined: nothing to write), giving the buffer back whatever happens. */
  run(root: Value): string | undefined {
    try {
      return this.write(root);
    } finally {
      this.t.release();
    }
  }

  private write(root: Value): string | undefined {
    let v: Value | typeof SKIP = root;
    if (v instanceof JSObject) v = this.prepareObject(v);
    else if (v === undefined || v instanceof GSymbol) return undefined;
    if (v === SKIP) return undefined;
    const gap = this.gap;
    const pretty = this.pretty;
    const pool: SFrame[] = [];
    let depth = 0;
    const t = this.t;
    let indent = '';
    let f: SFrame | null = null;
    let key: string | number = '';
    // `v` is a prepared value to write under `key`; then the next one that is not a primitive
    // (primitive elements and slot values are written by the loops over their container)
    for (;;) {
      switch (typeof v) {
        case 'string':
          t.quoted(v);
          break;
        case 'number':
          t.num(v);
          break;
        case 'boolean':
          t.write(v ? 'true' : 'false');
          break;
        case 'bigint':
          throw new GuestError('TypeError', 'Do not know how to serialize a BigInt');
        default:
          if (v === null) t.write('null');
          else {
            const o = v as JSObject;
            f = this.open(o, key, indent, pool, depth++);
            indent += gap;
            t.byte(f.arr ? 91 : 123);
          }
      }
      // find the next value to write, closing finished frames
      for (;;) {
        if (t.pos >= this.nextFlush) this.flush();
        if (f === null) {
          const total = t.length;
          if (total > this.vm.maxStringLength) this.vm.stringTooLong(total);
          return t.text();
        }
        if (f.i < f.n) {
          const arr = f.arr;
          if (arr !== null) {
            // elements: primitives are written here; an object goes back up to be opened
            const n = f.n;
            let j = f.i;
            let count = f.count;
            let next = false;
            while (j < n) {
              const e = arr[j++];
              if (count++ > 0) t.byte(44);
              if (pretty) {
                t.byte(10);
                t.write(indent);
              }
              if (typeof e === 'string') t.quoted(e);
              else if (typeof e === 'number') t.num(e);
              else if (typeof e === 'boolean') t.write(e ? 'true' : 'false');
              else if (e instanceof JSObject) {
                v = this.prepareObject(e);
                if (v === SKIP) t.write('null');
                else {
                  next = true;
                  break;
                }
              } else if (typeof e === 'bigint') throw new GuestError('TypeError', 'Do not know how to serialize a BigInt');
              else t.write('null'); // null, undefined, a hole, a symbol
              if (t.pos >= this.nextFlush) this.flush();
            }
            f.i = j;
            f.count = count;
            if (next) {
              key = j - 1;
              break;
            }
            continue;
          }
          const pieces = f.pieces;
          if (pieces !== null) {
            // a shared shape's slots, no gap: `"key":` pieces per slot, primitives written here
            const o = f.o;
            const keys = f.keys!;
            const first = pieces.first!;
            const later = pieces.next!;
            const n = f.n;
            let j = f.i;
            let count = f.count;
            let next = false;
            while (j < n) {
              const raw = o.getSlot(j++) as Value;
              if (typeof raw === 'string') {
                t.piece(count++ > 0 ? later[j - 1] : first[j - 1]);
                t.quoted(raw);
              } else if (typeof raw === 'number') {
                t.piece(count++ > 0 ? later[j - 1] : first[j - 1]);
                t.num(raw);
              } else if (typeof raw === 'boolean') {
                t.piece(count++ > 0 ? later[j - 1] : first[j - 1]);
                t.write(raw ? 'true' : 'false');
              } else if (raw === null) {
                t.piece(count++ > 0 ? later[j - 1] : first[j - 1]);
                t.write('null');
              } else if (raw instanceof JSObject) {
                v = this.prepareObject(raw);
                if (v === SKIP) continue;
                t.piece(count++ > 0 ? later[j - 1] : first[j - 1]);
                next = true;
                break;
              } else if (typeof raw === 'bigint') throw new GuestError('TypeError', 'Do not know how to serialize a BigInt');
              // (undefined and symbols: no property)
              if (t.pos >= this.nextFlush) this.flush();
            }
            f.i = j;
            f.count = count;
            if (next) {
              key = keys[j - 1] as string;
              break;
            }
            continue;
          }
          // any other object: one property at a time
          const k = f.keys![f.i];
          let raw: Value | typeof SKIP;
          if (f.fastSlots) raw = f.o.getSlot(f.i) as Value;
          else raw = this.getProp(f.o, k);
          f.i++;
          if (raw === undefined || raw === SKIP || raw instanceof GSymbol) continue;
          if (raw instanceof JSObject) {
            v = this.prepareObject(raw);
            if (v === SKIP) continue;
          } else v = raw as Value;
          key = k as string;
          if (f.count++ > 0) t.byte(44);
          if (pretty) {
            t.byte(10);
            t.write(indent);
            t.write(quoteKey(key));
            t.write(': ');
          } else {
            t.write(quoteKey(key));
            t.byte(58);
          }
          break;
        }
        // close the frame
        this.objs.pop();
        this.keys.pop();
        indent = f.stepback;
        if (f.count > 0 && pretty) {
          t.byte(10);
          t.write(indent);
        }
        t.byte(f.arr ? 93 : 125);
        depth--;
        f = depth > 0 ? pool[depth - 1] : null;
      }
    }
  }
}

function primNumber(v: Value): number {
  if (typeof v === 'bigint') throw new GuestError('TypeError', 'Cannot convert a BigInt value to a number');
  if (v instanceof GSymbol) throw new GuestError('TypeError', 'Cannot convert a Symbol value to a number');
  return Number(v);
}

function primString(v: Value): string {
  if (v instanceof GSymbol) throw new GuestError('TypeError', 'Cannot convert a Symbol value to a string');
  return String(v);
}

/**
 * Whether `space` (a primitive) asks for newlines, as V8 decides it: any positive number (also
 * one below 1, whose gap is empty) and any non-empty string (also one whose gap is cut to
 * nothing at a NUL, below).
 */
function prettyOf(space: Value): boolean {
  if (typeof space === 'number') return space > 0;
  return typeof space === 'string' && space.length > 0;
}

/** The gap string of `space` (a primitive). V8 ends a string gap at its first NUL (after taking ten characters). */
function gapOf(space: Value): string {
  if (typeof space === 'number') {
    const n = Math.min(10, Number.isNaN(space) ? 0 : Math.trunc(space));
    return n >= 1 ? ' '.repeat(n) : '';
  }
  if (typeof space === 'string') {
    const g = space.length <= 10 ? space : space.slice(0, 10);
    const nul = g.indexOf('\0');
    return nul < 0 ? g : g.slice(0, nul);
  }
  return '';
}

interface Intrinsics {
  dateToJSON: Value;
  dateToISO: Value;
  dateToPrim: Value;
  dateValueOf: Value;
}

function intrinsicsOf(r: Realm): Intrinsics {
  const DP = r.DatePrototype;
  const get = (k: PropertyKey): Value => {
    const i = DP.shape.index.get(k);
    return i === undefined ? undefined : (DP.getSlot(i) as Value);
  };
  return { dateToJSON: get('toJSON'), dateToISO: get('toISOString'), dateToPrim: get(WELL_KNOWN.toPrimitive), dateValueOf: get('valueOf') };
}

/**
 * The native stringify. Throws BAIL when guest code is needed (replacer function, guest
 * toJSON/getter/valueOf, replacer arrays or spaces that are objects needing conversion).
 */
function stringifyFast(vm: VM, intr: Intrinsics, value: Value, replacer: Value, space: Value, lenient: boolean): string | undefined {
  let propList: string[] | null = null;
  if (replacer instanceof JSObject) {
    if (replacer instanceof JSFunction || replacer instanceof NativeFunction) throw BAIL;
    if (replacer === vm.realm.ArrayPrototype) propList = [];
    else if (replacer instanceof JSArray) {
      propList = [];
      const seen = new Set<string>();
      for (const e of replacer.elements) {
        let item: string | undefined;
        if (typeof e === 'string') item = e;
        else if (typeof e === 'number') item = String(e);
        else if (e instanceof JSPrimitiveObject && (e.cls === Cls.String || e.cls === Cls.Number)) throw BAIL;
        if (item !== undefined && !seen.has(item)) {
          seen.add(item);
          propList.push(item);
        }
      }
    }
  }
  if (space instanceof JSPrimitiveObject) {
    if (space.cls === Cls.Number) {
      const p = vm.toPrimitiveNative(space, 'number');
      if (p === HOLE) throw BAIL;
      space = primNumber(p as Value);
    } else if (space.cls === Cls.String) {
      const p = vm.toPrimitiveNative(space, 'string');
      if (p === HOLE) throw BAIL;
      space = primString(p as Value);
    }
  }
  const gap = gapOf(space);
  // (the gap is the one guest text written unescaped: a lone surrogate in it cannot pass through UTF-8)
  if (SURROGATE.test(gap)) throw BAIL;
  const s = new Stringifier(vm, gap, prettyOf(space), propList, lenient, intr);
  const out = s.run(value);
  if (out !== undefined) {
    vm.charge(16 + out.length * 2);
    vm.chargeWork(Math.max(1, 1 + (out.length >> 2) - s.charged));
  }
  return out;
}

// ---- prelude: the spec algorithms that call guest code ----------------------------------------

addPreludeModule({
  exports: ['jsonRevive', 'jsonStringifySlow'],
  source: String.raw`
function jsonRevive(root, reviver) {
  const holder = {};
  $.defineData(holder, '', root);
  return jsonInternalize(holder, '', reviver);
}
function jsonInternalize(holder, name, reviver) {
  const val = holder[name];
  if ($.isObject(val)) {
    $.jsonStackCheck();
    if ($.jsonIsArray(val)) {
      const len = $.jsonLength(val);
      for (let i = 0; i < len; i++) {
        const k = '' + i;
        const el = jsonInternalize(val, k, reviver);
        if (el === undefined) $.jsonDelete(val, k);
        else $.jsonDefine(val, k, el);
      }
    } else {
      const keys = $.jsonKeys(val);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const el = jsonInternalize(val, k, reviver);
        if (el === undefined) $.jsonDelete(val, k);
        else $.jsonDefine(val, k, el);
      }
    }
  }
  return $.call(reviver, holder, name, val);
}
function jsonStringifySlow(value, replacer, space) {
  const state = { fn: undefined, list: undefined, gap: '', pretty: false, indent: '', objs: [], keys: [] };
  if ($.isObject(replacer)) {
    if (typeof replacer === 'function') state.fn = replacer;
    else if ($.jsonIsArray(replacer)) {
      const list = [];
      const len = $.jsonLength(replacer);
      for (let k = 0; k < len; k++) {
        const v = replacer[k];
        let item;
        if (typeof v === 'string') item = v;
        else if (typeof v === 'number') item = '' + v;
        else if ($.isObject(v)) {
          const kind = $.jsonWrapperKind(v);
          if (kind === 'String' || kind === 'Number') item = ` + '`${v}`' + String.raw`;
        }
        if (item !== undefined && !$.arrayIncludes(list, item)) $.arrayPush(list, item);
      }
      state.list = list;
    }
  }
  if ($.isObject(space)) {
    const kind = $.jsonWrapperKind(space);
    if (kind === 'Number') space = +space;
    else if (kind === 'String') space = ` + '`${space}`' + String.raw`;
  }
  state.gap = $.jsonGap(space);
  state.pretty = $.jsonPretty(space);
  const wrapper = {};
  $.defineData(wrapper, '', value);
  return jsonSerializeProperty(state, '', wrapper, '');
}
function jsonSerializeProperty(state, key, holder, cycleKey) {
  let value = holder[key];
  if ($.isObject(value) || typeof value === 'bigint') {
    const toJSON = value.toJSON;
    if (typeof toJSON === 'function') value = $.call(toJSON, value, key);
  }
  if (state.fn !== undefined) value = $.call(state.fn, holder, key, value);
  if ($.isObject(value)) {
    const kind = $.jsonWrapperKind(value);
    if (kind === 'Number') value = +value;
    else if (kind === 'String') value = ` + '`${value}`' + String.raw`;
    else if (kind === 'Boolean' || kind === 'BigInt') value = $.jsonUnwrap(value);
  }
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return $.jsonQuote(value);
  if (typeof value === 'number') return $.jsonNumber(value);
  if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if ($.isObject(value) && typeof value !== 'function') {
    return $.jsonIsArray(value) ? jsonSerializeArray(state, value, cycleKey) : jsonSerializeObject(state, value, cycleKey);
  }
  return undefined;
}
function jsonSerializeObject(state, value, cycleKey) {
  $.jsonEnter(state.objs, state.keys, value, cycleKey);
  const stepback = state.indent;
  state.indent = stepback + state.gap;
  const keys = state.list !== undefined ? state.list : $.jsonKeys(value);
  const partial = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const s = jsonSerializeProperty(state, k, value, k);
    if (s !== undefined) $.arrayPush(partial, $.jsonQuote(k) + (state.pretty ? ': ' : ':') + s);
  }
  let out;
  if (partial.length === 0) out = '{}';
  else if (!state.pretty) out = '{' + $.jsonJoin(partial, ',') + '}';
  else out = '{\n' + state.indent + $.jsonJoin(partial, ',\n' + state.indent) + '\n' + stepback + '}';
  $.jsonLeave(state.objs, state.keys);
  state.indent = stepback;
  return out;
}
function jsonSerializeArray(state, value, cycleKey) {
  $.jsonEnter(state.objs, state.keys, value, cycleKey);
  const stepback = state.indent;
  state.indent = stepback + state.gap;
  const partial = [];
  const len = $.jsonLength(value);
  for (let i = 0; i < len; i++) {
    const s = jsonSerializeProperty(state, '' + i, value, i);
    $.arrayPush(partial, s === undefined ? 'null' : s);
  }
  let out;
  if (partial.length === 0) out = '[]';
  else if (!state.pretty) out = '[' + $.jsonJoin(partial, ',') + ']';
  else out = '[\n' + state.indent + $.jsonJoin(partial, ',\n' + state.indent) + '\n' + stepback + ']';
  $.jsonLeave(state.objs, state.keys);
  state.indent = stepback;
  return out;
}
`,
});

// ---- installer ----------------------------------------------------------------------------------

registerInstaller((r: Realm) => {
  const J = r.namespace('JSON', 'JSON');
  let intr: Intrinsics | null = null;
  const intrinsics = (vm: VM) => (intr ??= intrinsicsOf(vm.realm));

  r.method(
    J,
    'parse',
    2,
    guestArgs('sx', (vm, _t, a) => {
      const text = str(vm, a[0]);
      const v = jsonParse(vm, text);
      if (isCallable(a[1])) return vm.pushCall(vm.realm.prelude.jsonRevive, undefined, [v, a[1]], Cont.Normal);
      return v;
    }),
  );
  r.method(J, 'stringify', 3, (vm, _t, a) => {
    try {
      return stringifyFast(vm, intrinsics(vm), a[0], a[1], a[2], false);
    } catch (e) {
      if (e !== BAIL) throw e;
      return vm.pushCall(vm.realm.prelude.jsonStringifySlow, undefined, [a[0], a[1], a[2]], Cont.Normal);
    }
  });

  // console's %j: JSON.stringify without guest code; circular structures print as [Circular]
  r.jsonStringify = (vm: VM, v: Value): string => {
    try {
      const s = stringifyFast(vm, intrinsics(vm), v, undefined, undefined, true);
      return s === undefined ? 'undefined' : s;
    } catch (e) {
      if (e instanceof GuestError && e.type === 'TypeError' && e.message.startsWith('Converting circular structure to JSON')) return '[Circular]';
      throw e;
    }
  };

  // ---- internals for the prelude ----
  r.internal('jsonIsArray', 1, (vm, _t, a) => a[0] instanceof JSArray || a[0] === vm.realm.ArrayPrototype);
  r.internal('jsonLength', 1, (vm, _t, a) => {
    const o = a[0];
    if (o instanceof JSArray) return o.elements.length;
    const n = Number(vm.get(o, 'length'));
    return Number.isFinite(n) && n > 0 ? Math.min(Math.trunc(n), Number.MAX_SAFE_INTEGER) : 0;
  });
  r.internal('jsonKeys', 1, (vm, _t, a) => vm.newArray(vm.ownKeys(a[0] as JSObject, true, false) as Value[]));
  r.internal('jsonDelete', 2, (vm, _t, a) => {
    try {
      vm.deleteProp(a[0], vm.propertyKey(a[1]));
    } catch (e) {
      if (!(e instanceof GuestError)) throw e;
    }
    return undefined;
  });
  r.internal('jsonDefine', 3, (vm, _t, a) => {
    try {
      vm.defineData(a[0] as JSObject, vm.propertyKey(a[1]), a[2]);
    } catch (e) {
      if (!(e instanceof GuestError)) throw e;
    }
    return undefined;
  });
  r.internal('jsonWrapperKind', 1, (_vm, _t, a) => {
    const v = a[0];
    if (!(v instanceof JSPrimitiveObject)) return '';
    switch (v.cls) {
      case Cls.Number:
        return 'Number';
      case Cls.String:
        return 'String';
      case Cls.Boolean:
        return 'Boolean';
      case Cls.BigInt:
        return 'BigInt';
    }
    return '';
  });
  r.internal('jsonUnwrap', 1, (_vm, _t, a) => (a[0] as JSPrimitiveObject).value);
  r.internal('jsonQuote', 1, (vm, _t, a) => {
    const s = quote(a[0] as string);
    vm.charge(16 + s.length * 2);
    return s;
  });
  r.internal('jsonNumber', 1, (_vm, _t, a) => {
    const n = a[0] as number;
    return Number.isFinite(n) ? String(n) : 'null';
  });
  r.internal('jsonGap', 1, (_vm, _t, a) => gapOf(a[0]));
  r.internal('jsonPretty', 1, (_vm, _t, a) => prettyOf(a[0]));
  r.internal('jsonJoin', 2, (vm, _t, a) => {
    const parts = (a[0] as JSArray).elements as string[];
    const sep = a[1] as string;
    let len = 0;
    for (const p of parts) len += p.length + sep.length;
    if (len > vm.maxStringLength) vm.stringTooLong(len);
    vm.reserve(len * 2);
    vm.charge(16 + len * 2);
    vm.chargeWork(1 + (len >> 2));
    return joinAll(parts, sep);
  });
  r.internal('jsonEnter', 4, (vm, _t, a) => {
    const objs = (a[0] as JSArray).elements as JSObject[];
    const keys = (a[1] as JSArray).elements as (string | number)[];
    const o = a[2] as JSObject;
    for (let i = objs.length - 1; i >= 0; i--) if (objs[i] === o) circularError(vm, objs, keys, i, a[3] as string | number);
    // the slow path recurses in guest frames: V8's stack overflow is a RangeError, not a limit
    if (objs.length >= MAX_DEPTH || vm.frames.length + STACK_MARGIN >= vm.limits.callDepth) throw new GuestError('RangeError', 'Maximum call stack size exceeded');
    objs.push(o);
    keys.push(a[3] as string | number);
    return undefined;
  });
  r.internal('jsonStackCheck', 0, (vm) => {
    if (vm.frames.length + STACK_MARGIN >= vm.limits.callDepth) throw new GuestError('RangeError', 'Maximum call stack size exceeded');
    return undefined;
  });
  r.internal('jsonLeave', 2, (_vm, _t, a) => {
    (a[0] as JSArray).elements.pop();
    (a[1] as JSArray).elements.pop();
    return undefined;
  });

});
