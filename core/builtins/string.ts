/**
 * String: the constructor, String.fromCharCode/fromCodePoint/raw and the whole
 * prototype. Methods work on host strings directly (they are primitives); everything
 * regex-shaped goes through Capsule's own engine (regexp-exec.ts), never the host's.
 * Conversions that would run guest code (`toString`, `valueOf`, `Symbol.toPrimitive`)
 * and function replacers are handed to the prelude (string-prelude.ts).
 *
 * Locale-sensitive methods follow the en-US-only Intl decision: `localeCompare` collates
 * as en-US (host ICU, fixed locale), the `toLocale*Case` methods case-map as en-US, and
 * any other requested locale is a RangeError rather than a silent difference.
 */
import { Cls, JSObject, JSPrimitiveObject, NativeFunction, isCallable } from '../objects';
import { GSymbol, HOLE, WELL_KNOWN, type Value } from '../value';
import { Cont } from '../vm/frame';
import type { VM } from '../vm/interpreter';
import type { PUSHED } from '../vm/natives';
import { primToString, symbolDescriptiveString, toBoolean, toIntegerOrInfinity, toUint32 } from '../vm/ops';
import { registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { checkStringLength, createRegExp, getSubstitution, joinChecked, regexpMatch, regexpSearch } from './regexp-exec';
import { isRegExp, regexpMatchAll } from './regexp';
import { convertArgs, slowCall } from './string-prelude';
import { toInteger, toNumber, toObject, toString } from './util';
import { JSRegExp } from '../objects';
import { localeTags } from './locales';
import { guestArgs, num, reorderProperties } from './convert';

type Impl = (vm: VM, s: string, a: Value[], self: NativeFunction, t: Value) => Value | typeof PUSHED;

/** ToString(this) after RequireObjectCoercible; HOLE when a guest conversion would run. */
function thisStr(vm: VM, t: Value, name: string): string | typeof HOLE {
  if (typeof t === 'string') return t;
  if (t === null || t === undefined) throw new GuestError('TypeError', `String.prototype.${name} called on null or undefined`);
  if (t instanceof JSObject) {
    if (t instanceof JSPrimitiveObject && t.cls === Cls.String && t.proto === vm.realm.StringPrototype && t.shape.keys.length === 0) {
      return t.value as string;
    }
    const p = vm.toPrimitiveNative(t, 'string');
    if (p === HOLE) return HOLE;
    return primToString(p as Value);
  }
  return primToString(t);
}

/** thisStringValue (toString / valueOf). */
function thisStringValue(t: Value, name: string): string {
  if (typeof t === 'string') return t;
  if (t instanceof JSPrimitiveObject && t.cls === Cls.String) return t.value as string;
  throw new GuestError('TypeError', `String.prototype.${name} requires that 'this' be a String`);
}

/** A String wrapper object with the prototype of `newTarget`. */
export function stringCreate(vm: VM, s: string, newTarget: Value): JSPrimitiveObject {
  let proto: JSObject = vm.realm.StringPrototype;
  if (newTarget instanceof JSObject) {
    const p = vm.get(newTarget, 'prototype');
    if (p instanceof JSObject) proto = p;
  }
  vm.charge(48);
  const o = new JSPrimitiveObject(proto, Cls.String, s);
  o.shape = vm.realm.rootShape(proto);
  return o;
}

function str(vm: VM, v: Value): string {
  return typeof v === 'string' ? v : toString(vm, v);
}

/**
 * Methods whose host work grows with the strings involved (scans, case mapping, Unicode
 * normalization, collation), and the shift of the per-character charge on strings longer
 * than 16384: one instruction per 16 characters (per 4 for the ICU-backed ones). Charged before the work, so a loop over
 * a long string cannot do unbounded host work per instruction.
 */
const WORK_RATE: ReadonlyMap<string, number> = new Map([
  ...['endsWith', 'includes', 'startsWith', 'indexOf', 'lastIndexOf', 'trimStart', 'trimEnd', 'trim', 'isWellFormed', 'toWellFormed', 'split', 'replace', 'replaceAll', 'concat', 'padEnd', 'padStart', 'repeat'].map((n) => [n, 4] as const),
  ...['localeCompare', 'normalize', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase'].map((n) => [n, 2] as const),
]);

function chargeScan(vm: VM, s: string, a: Value[], rate: number): void {
  let n = s.length;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x === 'string') n += x.length;
  }
  if (n > 16384) vm.chargeWork(n >> rate);
}

function charged(vm: VM, s: string): string {
  if (s.length > 64) vm.charge(16 + s.length * 2);
  return s;
}

const NONE: unique symbol = Symbol('none');

/** Calls a guest/built-in Symbol method of a regex-like argument; NONE when it has none. */
function dispatch(vm: VM, arg: Value, sym: GSymbol, args: Value[]): Value | typeof PUSHED | typeof NONE {
  if (!(arg instanceof JSObject)) return NONE;
  const m = vm.get(arg, sym);
  if (m === undefined || m === null) return NONE;
  if (!isCallable(m)) throw new GuestError('TypeError', `${notCallableText(m)} is not a function`);
  return vm.pushCall(m, arg, args, Cont.Normal);
}

/** V8's wording for a non-callable method value: `number 1`, `string "x"`, `object`. */
function notCallableText(v: Value): string {
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  if (typeof v === 'string') return `string "${v}"`;
  if (v instanceof GSymbol) return 'symbol';
  return typeof v === 'bigint' ? 'bigint' : 'object';
}

/** matchAll / replaceAll: a regex argument must have the g flag. */
function requireGlobal(vm: VM, rx: Value, method: string): void {
  if (!isRegExp(vm, rx)) return;
  const flags = vm.get(rx, 'flags');
  if (flags === undefined || flags === null) throw new GuestError('TypeError', `String.prototype.${method} called on null or undefined`);
  if (!str(vm, flags).includes('g')) throw new GuestError('TypeError', `String.prototype.${method} called with a non-global RegExp argument`);
}

// ---- locale ---------------------------------------------------------------------------

function checkLocale(vm: VM, locales: Value, method: string): void {
  for (const tag of localeTags(vm, locales)) {
    const t = tag.toLowerCase();
    if (t !== 'en' && !t.startsWith('en-')) throw new GuestError('RangeError', `${method}: Capsule supports only the en-US locale (got '${tag}')`);
  }
}

const collators = new Map<string, Intl.Collator>();
const COLLATOR_KEYS: [string, 'string' | 'boolean'][] = [
  ['usage', 'string'],
  ['localeMatcher', 'string'],
  ['numeric', 'boolean'],
  ['caseFirst', 'string'],
  ['sensitivity', 'string'],
  ['ignorePunctuation', 'boolean'],
];

function collator(vm: VM, locales: Value, options: Value): Intl.Collator {
  checkLocale(vm, locales, 'String.prototype.localeCompare');
  const opts: Record<string, string | boolean> = {};
  if (options !== undefined) {
    if (!(options instanceof JSObject)) {
      if (options === null) throw new GuestError('TypeError', 'Cannot convert undefined or null to object');
    } else {
      for (const [k, type] of COLLATOR_KEYS) {
        const v = vm.get(options, k);
        if (v === undefined) continue;
        opts[k] = type === 'boolean' ? toBoolean(v) : str(vm, v);
      }
    }
  }
  const key = JSON.stringify(opts);
  let c = collators.get(key);
  if (c === undefined) {
    try {
      c = new Intl.Collator('en-US', opts);
    } catch (e) {
      throw new GuestError('RangeError', e instanceof Error ? e.message : 'Invalid collator options');
    }
    collators.set(key, c);
  }
  return c;
}

// ---- well-formedness -----------------------------------------------------------------

function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return false;
  }
  return true;
}

function toWellFormed(s: string): string {
  if (isWellFormed(s)) return s;
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    out += s.slice(start, i) + '\ufffd';
    start = i + 1;
  }
  return out + s.slice(start);
}

/** String.fromCharCode / fromCodePoint over many arguments without a huge host spread. */
function fromUnits(units: number[], codePoints: boolean): string {
  let out = '';
  for (let i = 0; i < units.length; i += 8192) {
    const chunk = units.slice(i, i + 8192);
    out += codePoints ? String.fromCodePoint(...chunk) : String.fromCharCode(...chunk);
  }
  return out;
}

// ---- installer --------------------------------------------------------------------------

registerInstaller((r) => {
  const SP = r.StringPrototype;

  r.internal('stringCreate', 2, (vm, _t, a) => (a[1] === undefined ? a[0] : stringCreate(vm, a[0] as string, a[1])));

  const S = r.ctor('String', 1, (vm, _t, a, nt) => {
    let s: string;
    if (a.length === 0) s = '';
    else {
      const v = a[0];
      if (nt === undefined && v instanceof GSymbol) return symbolDescriptiveString(v);
      if (typeof v === 'string') s = v;
      else if (v instanceof JSObject) {
        const p = vm.toPrimitiveNative(v, 'string');
        if (p === HOLE) return vm.pushCall(vm.realm.prelude.strCtorSlow, undefined, [v, nt], Cont.Normal);
        s = primToString(p as Value);
      } else s = primToString(v);
    }
    if (nt === undefined) return s;
    return stringCreate(vm, s, nt);
  }, SP);
  // (String.prototype is a String object of '': its length is the wrapper's own, as on any String object)

  // ---- statics -------------------------------------------------------------------------

  r.method(S, 'fromCharCode', 1, (vm, _t, a, _nt, self) => {
    const hints = 'n'.repeat(a.length);
    const args = convertArgs(vm, a, hints);
    if (args === null) return slowCall(vm, self, undefined, a, hints);
    const units = args.map((v) => toUint32(toNumber(vm, v)) & 0xffff);
    return charged(vm, fromUnits(units, false));
  });

  // each argument converts and is checked in turn (an invalid one throws before the next converts)
  r.method(
    S,
    'fromCodePoint',
    1,
    guestArgs('n', (vm, _t, a) => {
      const cps: number[] = [];
      for (const v of a) {
        const n = num(vm, v);
        if (!Number.isInteger(n) || n < 0 || n > 0x10ffff) throw new GuestError('RangeError', `Invalid code point ${primToString(n)}`);
        cps.push(n);
      }
      return charged(vm, fromUnits(cps, true));
    }),
  );

  r.method(S, 'raw', 1, (vm, _t, a, _nt, self) => {
    // the template and its length first; then only the substitutions that are used convert
    const cooked = toObject(vm, a[0]);
    const literals = toObject(vm, vm.get(cooked, 'raw'));
    const len = Math.min(toInteger(vm, vm.get(literals, 'length')), Number.MAX_SAFE_INTEGER);
    if (!(len > 0)) return '';
    const used = a.slice(0, Math.min(a.length, len));
    const hints = 'k' + 's'.repeat(Math.max(0, used.length - 1));
    const args = convertArgs(vm, used, hints);
    if (args === null) return slowCall(vm, self, undefined, used, hints);
    const parts: string[] = [];
    let total = 0;
    for (let i = 0; ; i++) {
      // the guest picks the length: each segment read costs an instruction, checked
      vm.chargeWorkChecked(1, 'String.raw');
      const seg = str(vm, vm.get(literals, String(i)));
      parts.push(seg);
      total += seg.length;
      if (i + 1 === len) break;
      if (i + 1 < args.length) {
        const sub = str(vm, args[i + 1]);
        parts.push(sub);
        total += sub.length;
      }
      if (total > vm.maxStringLength) vm.stringTooLong(total);
    }
    return joinChecked(vm, parts, total);
  });

  // ---- prototype ---------------------------------------------------------------------------

  const def = (name: string, length: number, hints: string, impl: Impl, pre?: (vm: VM, a: Value[]) => void): NativeFunction => {
    const rate = WORK_RATE.get(name) ?? 0;
    return r.method(SP, name, length, (vm, t, a, _nt, self) => {
      const s = thisStr(vm, t, name);
      if (rate && typeof s === 'string') chargeScan(vm, s, a, rate);
      if (pre) pre(vm, a);
      if (typeof s !== 'string') return slowCall(vm, self, t, a, hints);
      const h = hints === '*s' ? 's'.repeat(a.length) : hints;
      const args = h ? convertArgs(vm, a, h) : a;
      if (args === null) return slowCall(vm, self, t, a, h);
      return impl(vm, s, args, self, t);
    });
  };

  def('at', 1, 'n', (vm, s, a) => {
    const n = toInteger(vm, a[0]);
    const k = n >= 0 ? n : s.length + n;
    return k < 0 || k >= s.length ? undefined : s[k];
  });
  def('charAt', 1, 'n', (vm, s, a) => {
    const p = toInteger(vm, a[0]);
    return p < 0 || p >= s.length ? '' : s[p];
  });
  def('charCodeAt', 1, 'n', (vm, s, a) => {
    const p = toInteger(vm, a[0]);
    return p < 0 || p >= s.length ? NaN : s.charCodeAt(p);
  });
  def('codePointAt', 1, 'n', (vm, s, a) => {
    const p = toInteger(vm, a[0]);
    return p < 0 || p >= s.length ? undefined : s.codePointAt(p);
  });
  def('concat', 1, '*s', (vm, s, a) => {
    let total = s.length;
    const parts = [s];
    for (const v of a) {
      const x = str(vm, v);
      parts.push(x);
      total += x.length;
    }
    checkStringLength(vm, total);
    return charged(vm, parts.join(''));
  });

  const noRegExp = (name: string) => (vm: VM, a: Value[]) => {
    if (isRegExp(vm, a[0])) throw new GuestError('TypeError', `First argument to String.prototype.${name} must not be a regular expression`);
  };
  def('endsWith', 1, 'sn', (vm, s, a) => {
    const search = str(vm, a[0]);
    const end = a[1] === undefined ? s.length : Math.min(Math.max(toInteger(vm, a[1]), 0), s.length);
    const start = end - search.length;
    return start >= 0 && s.slice(start, end) === search;
  }, noRegExp('endsWith'));
  def('includes', 1, 'sn', (vm, s, a) => {
    const search = str(vm, a[0]);
    const pos = Math.min(Math.max(toInteger(vm, a[1]), 0), s.length);
    return s.indexOf(search, pos) >= 0;
  }, noRegExp('includes'));
  def('startsWith', 1, 'sn', (vm, s, a) => {
    const search = str(vm, a[0]);
    const start = Math.min(Math.max(toInteger(vm, a[1]), 0), s.length);
    return s.startsWith(search, start);
  }, noRegExp('startsWith'));
  def('indexOf', 1, 'sn', (vm, s, a) => {
    const search = str(vm, a[0]);
    const pos = Math.min(Math.max(toInteger(vm, a[1]), 0), s.length);
    return s.indexOf(search, pos);
  });
  def('lastIndexOf', 1, 'sn', (vm, s, a) => {
    const search = str(vm, a[0]);
    const n = toNumber(vm, a[1]);
    const pos = n !== n ? Infinity : toIntegerOrInfinity(n);
    return s.lastIndexOf(search, pos);
  });
  def('localeCompare', 1, 'skk', (vm, s, a) => {
    const that = str(vm, a[0]);
    if (a[1] === undefined && a[2] === undefined) return collator(vm, undefined, undefined).compare(s, that);
    return collator(vm, a[1], a[2]).compare(s, that);
  });
  def('normalize', 0, 's', (vm, s, a) => {
    const f = a[0] === undefined ? 'NFC' : str(vm, a[0]);
    if (f !== 'NFC' && f !== 'NFD' && f !== 'NFKC' && f !== 'NFKD') {
      throw new GuestError('RangeError', 'The normalization form should be one of NFC, NFD, NFKC, NFKD.');
    }
    const out = s.normalize(f);
    checkStringLength(vm, out.length);
    return charged(vm, out);
  });

  const pad = (atStart: boolean): Impl => (vm, s, a) => {
    const max = toLengthInt(toInteger(vm, a[0]));
    if (max <= s.length) return s;
    const fill = a[1] === undefined ? ' ' : str(vm, a[1]);
    if (fill === '') return s;
    checkStringLength(vm, max);
    const out = atStart ? s.padStart(max, fill) : s.padEnd(max, fill);
    return charged(vm, out);
  };
  def('padEnd', 1, 'ns', pad(false));
  def('padStart', 1, 'ns', pad(true));

  def('repeat', 1, 'n', (vm, s, a) => {
    const n = toInteger(vm, a[0]);
    if (n < 0 || n === Infinity) throw new GuestError('RangeError', `Invalid count value: ${primToString(toNumber(vm, a[0]))}`);
    if (n === 0 || s.length === 0) return '';
    checkStringLength(vm, s.length * n);
    return charged(vm, s.repeat(n));
  });

  def('slice', 2, 'nn', (vm, s, a) => {
    const len = s.length;
    const st = rel(toInteger(vm, a[0]), len);
    const en = a[1] === undefined ? len : rel(toInteger(vm, a[1]), len);
    return st >= en ? '' : s.slice(st, en);
  });
  def('substring', 2, 'nn', (vm, s, a) => {
    const len = s.length;
    const st = Math.min(Math.max(toInteger(vm, a[0]), 0), len);
    const en = a[1] === undefined ? len : Math.min(Math.max(toInteger(vm, a[1]), 0), len);
    return s.slice(Math.min(st, en), Math.max(st, en));
  });
  def('substr', 2, 'nn', (vm, s, a) => {
    const size = s.length;
    let start = toInteger(vm, a[0]);
    if (start === -Infinity) start = 0;
    else if (start < 0) start = Math.max(size + start, 0);
    else start = Math.min(start, size);
    const l = a[1] === undefined ? size : toInteger(vm, a[1]);
    const end = Math.min(start + Math.min(Math.max(l, 0), size), size);
    return start >= end ? '' : s.slice(start, end);
  });

  def('toLowerCase', 0, '', (vm, s) => charged(vm, s.toLowerCase()));
  def('toUpperCase', 0, '', (vm, s) => {
    const out = s.toUpperCase();
    checkStringLength(vm, out.length);
    return charged(vm, out);
  });
  def('toLocaleLowerCase', 0, 'k', (vm, s, a) => {
    checkLocale(vm, a[0], 'String.prototype.toLocaleLowerCase');
    return charged(vm, s.toLowerCase());
  });
  def('toLocaleUpperCase', 0, 'k', (vm, s, a) => {
    checkLocale(vm, a[0], 'String.prototype.toLocaleUpperCase');
    const out = s.toUpperCase();
    checkStringLength(vm, out.length);
    return charged(vm, out);
  });
  const trimStart = def('trimStart', 0, '', (_vm, s) => s.trimStart());
  const trimEnd = def('trimEnd', 0, '', (_vm, s) => s.trimEnd());
  def('trim', 0, '', (_vm, s) => s.trim());
  r.value(SP, 'trimLeft', trimStart);
  r.value(SP, 'trimRight', trimEnd);
  def('isWellFormed', 0, '', (_vm, s) => isWellFormed(s));
  def('toWellFormed', 0, '', (vm, s) => charged(vm, toWellFormed(s)));

  // Annex B HTML methods (CreateHTML)
  const HTML: [string, string, string][] = [
    ['anchor', 'a', 'name'], ['big', 'big', ''], ['blink', 'blink', ''], ['bold', 'b', ''], ['fixed', 'tt', ''],
    ['fontcolor', 'font', 'color'], ['fontsize', 'font', 'size'], ['italics', 'i', ''], ['link', 'a', 'href'],
    ['small', 'small', ''], ['strike', 'strike', ''], ['sub', 'sub', ''], ['sup', 'sup', ''],
  ];
  for (const [name, tag, attr] of HTML) {
    def(name, attr ? 1 : 0, attr ? 's' : '', (vm, s, a) => {
      let open = '<' + tag;
      if (attr) open += ` ${attr}="${str(vm, a[0]).split('"').join('&quot;')}"`;
      const out = `${open}>${s}</${tag}>`;
      checkStringLength(vm, out.length);
      return charged(vm, out);
    });
  }

  r.method(SP, 'toString', 0, (_vm, t) => thisStringValue(t, 'toString'));
  r.method(SP, 'valueOf', 0, (_vm, t) => thisStringValue(t, 'valueOf'));

  // ---- regex-shaped methods -----------------------------------------------------------------

  /** match / matchAll / search: the argument's Symbol method, else a new RegExp from it. */
  const regexMethod = (name: string, sym: GSymbol, flags: string, run: (vm: VM, re: JSRegExp, s: string) => Value): void => {
    def(name, 1, 'k', (vm, s, a, self, t) => {
      const rx = a[0];
      if (rx !== undefined && rx !== null) {
        if (flags === 'g') requireGlobal(vm, rx, name);
        const d = dispatch(vm, rx, sym, [t]);
        if (d !== NONE) return d;
      }
      const c = convertArgs(vm, a, 's');
      if (c === null) return slowCall(vm, self, t, a, 's');
      return run(vm, createRegExp(vm, vm.realm.RegExpPrototype, c[0] === undefined ? '' : str(vm, c[0]), flags), s);
    });
  };
  regexMethod('match', WELL_KNOWN.match, '', regexpMatch);
  regexMethod('matchAll', WELL_KNOWN.matchAll, 'g', regexpMatchAll);
  regexMethod('search', WELL_KNOWN.search, '', regexpSearch);

  const replaceImpl = (all: boolean): Impl => (vm, s, a, self, t) => {
    const sv = a[0];
    if (sv !== undefined && sv !== null) {
      if (all) requireGlobal(vm, sv, 'replaceAll');
      const d = dispatch(vm, sv, WELL_KNOWN.replace, [t, a[1]]);
      if (d !== NONE) return d;
    }
    const c = convertArgs(vm, a, 'sr');
    if (c === null) return slowCall(vm, self, t, a, 'sr');
    const search = str(vm, c[0]);
    const fn = isCallable(c[1]) ? (c[1] as JSObject) : null;
    const template = fn ? '' : str(vm, c[1]);
    const positions: number[] = [];
    const slen = search.length;
    let p = s.indexOf(search, 0);
    if (all) {
      const by = Math.max(1, slen);
      while (p >= 0) {
        positions.push(p);
        if (p + by > s.length) break;
        p = s.indexOf(search, p + by);
      }
    } else if (p >= 0) positions.push(p);
    if (positions.length === 0) return s;
    if (fn) {
      const calls: Value[] = [];
      const pieces: Value[] = [];
      let end = 0;
      for (const pos of positions) {
        calls.push(vm.newArray([search, pos, s]));
        pieces.push(s.slice(end, pos));
        end = pos + slen;
      }
      pieces.push(s.slice(end));
      return vm.pushCall(vm.realm.prelude.strReplaceCalls, undefined, [fn, vm.newArray(calls), vm.newArray(pieces)], Cont.Normal);
    }
    const parts: string[] = [];
    let total = 0;
    let end = 0;
    const plain = template.indexOf('$') < 0;
    for (const pos of positions) {
      const rep = plain ? template : getSubstitution(vm, search, s, pos, [], undefined, template);
      parts.push(s.slice(end, pos), rep);
      total += pos - end + rep.length;
      end = pos + slen;
      if (total > vm.maxStringLength) vm.stringTooLong(total);
    }
    parts.push(s.slice(end));
    total += s.length - end;
    return joinChecked(vm, parts, total);
  };
  def('replace', 2, 'kk', replaceImpl(false));
  def('replaceAll', 2, 'kk', replaceImpl(true));

  def('split', 2, 'kk', (vm, s, a, self, t) => {
    const sep = a[0];
    if (sep !== undefined && sep !== null) {
      const d = dispatch(vm, sep, WELL_KNOWN.split, [t, a[1]]);
      if (d !== NONE) return d;
    }
    const c = convertArgs(vm, a, 'sn');
    if (c === null) return slowCall(vm, self, t, a, 'sn');
    const lim = c[1] === undefined ? 2 ** 32 - 1 : toUint32(toNumber(vm, c[1]));
    const R = str(vm, c[0]);
    if (lim === 0) return vm.newArray([]);
    if (sep === undefined) return vm.newArray([s]);
    if (R === '' && s.length > 1_000_000) vm.reserve(Math.min(lim, s.length) * 40);
    const parts = s.split(R, lim);
    return vm.newArray(parts);
  });

  // V8's order of String.prototype's own keys (reflection lists them so)
  reorderProperties(SP, STRING_PROTO_ORDER);
});

/** `Object.getOwnPropertyNames(String.prototype)` in V8 (Node 20); `length` is the wrapper's own, listed first anyway. */
const STRING_PROTO_ORDER = [
  'constructor', 'anchor', 'at', 'big', 'blink', 'bold', 'charAt', 'charCodeAt', 'codePointAt', 'concat', 'endsWith', 'fontcolor',
  'fontsize', 'fixed', 'includes', 'indexOf', 'isWellFormed', 'italics', 'lastIndexOf', 'link', 'localeCompare', 'match',
  'matchAll', 'normalize', 'padEnd', 'padStart', 'repeat', 'replace', 'replaceAll', 'search', 'slice', 'small', 'split',
  'strike', 'sub', 'substr', 'substring', 'sup', 'startsWith', 'toString', 'toWellFormed', 'trim', 'trimStart', 'trimLeft',
  'trimEnd', 'trimRight', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toLowerCase', 'toUpperCase', 'valueOf',
];

function rel(n: number, len: number): number {
  if (n < 0) return Math.max(len + n, 0);
  return Math.min(n, len);
}

function toLengthInt(n: number): number {
  if (n <= 0) return 0;
  return Math.min(n, Number.MAX_SAFE_INTEGER);
}
