/**
 * Date. **Local time is UTC**: Capsule has no time zone, so every local-time method (getHours,
 * setDate, toString, …) equals its UTC counterpart, `getTimezoneOffset()` is 0 and
 * `toString()` reads "… GMT+0000 (Coordinated Universal Time)" — exactly V8 running with
 * TZ=UTC, which is what the differential tests compare against.
 *
 * The date arithmetic is the spec's (MakeDay, MakeTime, MakeDate, TimeClip) on host numbers;
 * string parsing is a port of V8's DateParser (ES ISO format first, then V8's legacy
 * formats, which include the output of toString/toUTCString). `new Date()` / `Date.now()`
 * read `vm.clock()`.
 */
import { JSDate, JSObject, NativeFunction, BoundData, Accessor, isCallable } from '../objects';
import { addPreludeModule } from '../prelude/index';
import { Attr } from '../shape';
import { HOLE, WELL_KNOWN, type Value } from '../value';
import { Cont } from '../vm/frame';
import type { VM } from '../vm/interpreter';
import { nativeImpl, PUSHED } from '../vm/natives';
import { registerInstaller, type Realm } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { dateTimeFormatOptions, fieldsOf, formatDateDefault, formatDateTime } from './intl';
import { guestArgs, num, primOf, protoFor, reorderProperties, retryWithPrimitives, str, NEEDS_GUEST } from './convert';
import { receiverText } from './util';
import { toObject } from './util';

// ---- spec date arithmetic ---------------------------------------------------------------

const MS_PER_DAY = 86400000;
const MAX_TIME = 8.64e15;

const toInt = (n: number): number => (n !== n ? 0 : n === Infinity || n === -Infinity ? n : Math.trunc(n) + 0);

/** Days from 1970-01-01 to year-month(0-based)-01 (proleptic Gregorian). */
function daysFromCivil(y: number, m: number): number {
  y -= m <= 1 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 10) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function makeDay(year: number, month: number, date: number): number {
  if (!Number.isFinite(year) || !Number.isFinite(month) || !Number.isFinite(date)) return NaN;
  const y = toInt(year);
  const m = toInt(month);
  const dt = toInt(date);
  // V8's range check: far outside the representable range
  if (!(Math.abs(y) <= 1000000 && Math.abs(m) <= 10000000)) return NaN;
  const ym = y + Math.floor(m / 12);
  const mn = ((m % 12) + 12) % 12;
  return daysFromCivil(ym, mn) + dt - 1;
}

export function makeTime(h: number, m: number, s: number, ms: number): number {
  if (!Number.isFinite(h) || !Number.isFinite(m) || !Number.isFinite(s) || !Number.isFinite(ms)) return NaN;
  return toInt(h) * 3600000 + toInt(m) * 60000 + toInt(s) * 1000 + toInt(ms);
}

export function makeDate(day: number, time: number): number {
  if (!Number.isFinite(day) || !Number.isFinite(time)) return NaN;
  const tv = day * MS_PER_DAY + time;
  return Number.isFinite(tv) ? tv : NaN;
}

export function timeClip(t: number): number {
  if (!Number.isFinite(t) || Math.abs(t) > MAX_TIME) return NaN;
  return toInt(t);
}

const dayOf = (t: number) => Math.floor(t / MS_PER_DAY);
const timeWithinDay = (t: number) => ((t % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;

// ---- formatting ---------------------------------------------------------------------------

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => (n < 10 ? '0' : '') + n;
const p3 = (n: number) => (n < 10 ? '00' : n < 100 ? '0' : '') + n;
/** Year in toString/toUTCString: at least 4 digits, '-' for negative years. */
const y4 = (y: number) => (y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0'));

function dateString(t: number): string {
  const f = fieldsOf(t);
  return `${DAYS[f.weekday]} ${MONTHS[f.month]} ${p2(f.day)} ${y4(f.year)}`;
}
function timeString(t: number): string {
  const f = fieldsOf(t);
  return `${p2(f.hour)}:${p2(f.minute)}:${p2(f.second)} GMT+0000 (Coordinated Universal Time)`;
}
export function toDateString(t: number): string {
  if (Number.isNaN(t)) return 'Invalid Date';
  return `${dateString(t)} ${timeString(t)}`;
}
function utcString(t: number): string {
  if (Number.isNaN(t)) return 'Invalid Date';
  const f = fieldsOf(t);
  return `${DAYS[f.weekday]}, ${p2(f.day)} ${MONTHS[f.month]} ${y4(f.year)} ${p2(f.hour)}:${p2(f.minute)}:${p2(f.second)} GMT`;
}
export function isoString(t: number): string {
  const f = fieldsOf(t);
  const y = f.year >= 0 && f.year <= 9999 ? String(f.year).padStart(4, '0') : (f.year < 0 ? '-' : '+') + String(Math.abs(f.year)).padStart(6, '0');
  return `${y}-${p2(f.month + 1)}-${p2(f.day)}T${p2(f.hour)}:${p2(f.minute)}:${p2(f.second)}.${p3(f.ms)}Z`;
}

// ---- parsing: a port of V8's DateParser (src/date/dateparser*.{h,cc}) -----------------------

const K_NONE = 2147483647;
const between = (x: number, lo: number, hi: number) => x >= lo && x <= hi;
const isMonth = (x: number) => between(x, 1, 12);
const isDay = (x: number) => between(x, 1, 31);
const isHour = (x: number) => between(x, 0, 23);
const isMinute = (x: number) => between(x, 0, 59);
const isSecond = (x: number) => between(x, 0, 59);
const isHour12 = (x: number) => between(x, 0, 12);
const isMillisecond = (x: number) => between(x, 0, 999);

const enum Tag {
  Invalid = -6,
  Unknown = -5,
  WhiteSpace = -4,
  Number = -3,
  Symbol = -2,
  EndOfInput = -1,
}
const enum KW {
  Invalid = 0,
  MonthName = 1,
  TimeZoneName = 2,
  TimeSeparator = 3,
  AmPm = 4,
}

interface Token {
  tag: number;
  length: number;
  value: number;
}

const tok = (tag: number, length: number, value: number): Token => ({ tag, length, value });
const isNumberTok = (t: Token) => t.tag === Tag.Number;
const isSymbolTok = (t: Token, c: string) => t.tag === Tag.Symbol && t.value === c.charCodeAt(0);
const isSign = (t: Token) => t.tag === Tag.Symbol && (t.value === 45 || t.value === 43);
const signOf = (t: Token) => 44 - t.value;
const isFixed = (t: Token, n: number) => t.tag === Tag.Number && t.length === n;
const isKeyword = (t: Token) => t.tag >= 0;
const isKeywordZ = (t: Token) => t.tag === KW.TimeZoneName && t.length === 1 && t.value === 0;

const KEYWORDS: [string, number, number][] = [
  ['jan', KW.MonthName, 1],
  ['feb', KW.MonthName, 2],
  ['mar', KW.MonthName, 3],
  ['apr', KW.MonthName, 4],
  ['may', KW.MonthName, 5],
  ['jun', KW.MonthName, 6],
  ['jul', KW.MonthName, 7],
  ['aug', KW.MonthName, 8],
  ['sep', KW.MonthName, 9],
  ['oct', KW.MonthName, 10],
  ['nov', KW.MonthName, 11],
  ['dec', KW.MonthName, 12],
  ['am\0', KW.AmPm, 0],
  ['pm\0', KW.AmPm, 12],
  ['ut\0', KW.TimeZoneName, 0],
  ['utc', KW.TimeZoneName, 0],
  ['z\0\0', KW.TimeZoneName, 0],
  ['gmt', KW.TimeZoneName, 0],
  ['cdt', KW.TimeZoneName, -5],
  ['cst', KW.TimeZoneName, -6],
  ['edt', KW.TimeZoneName, -4],
  ['est', KW.TimeZoneName, -5],
  ['mdt', KW.TimeZoneName, -6],
  ['mst', KW.TimeZoneName, -7],
  ['pdt', KW.TimeZoneName, -7],
  ['pst', KW.TimeZoneName, -8],
  ['t\0\0', KW.TimeSeparator, 0],
];

/** What V8's date parser skips as white space: ASCII \t..\r and space, and the Unicode
 * WhiteSpace characters (not U+2028/U+2029, which it reads as word characters). */
function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

class Scanner {
  private index = 0;
  private ch = 0;
  next: Token;
  constructor(private readonly s: string) {
    this.advance();
    this.next = this.scan();
  }
  private advance(): void {
    this.ch = this.index < this.s.length ? this.s.charCodeAt(this.index) : 0;
    this.index++;
  }
  private isDigit(): boolean {
    return this.ch >= 48 && this.ch <= 57;
  }
  private scan(): Token {
    const pre = this.index;
    if (this.ch === 0) return tok(Tag.EndOfInput, 0, -1);
    if (this.isDigit()) {
      let n = 0;
      let i = 0;
      while (this.ch === 48) this.advance(); // leading zeros are not significant digits
      while (this.isDigit()) {
        if (i < 9) n = n * 10 + this.ch - 48;
        i++;
        this.advance();
      }
      return tok(Tag.Number, this.index - pre, n);
    }
    for (const c of [58, 45, 43, 46, 41]) {
      // ':' '-' '+' '.' ')'
      if (this.ch === c) {
        this.advance();
        return tok(Tag.Symbol, 1, c);
      }
    }
    if (this.ch >= 65 && !isWhiteSpace(this.ch)) {
      const prefix = [0, 0, 0];
      let len = 0;
      for (; this.ch >= 65 && !isWhiteSpace(this.ch); this.advance(), len++) if (len < 3) prefix[len] = this.ch | 0x20;
      for (const [word, type, value] of KEYWORDS) {
        let j = 0;
        while (j < 3 && prefix[j] === word.charCodeAt(j)) j++;
        if (j === 3 && (len <= 3 || type === KW.MonthName)) return tok(type, len, value);
      }
      return tok(KW.Invalid, len, 0);
    }
    if (isWhiteSpace(this.ch)) {
      this.advance();
      return tok(Tag.WhiteSpace, this.index - pre, -1);
    }
    if (this.ch === 40) {
      // '(' … balanced ')'
      let balance = 0;
      do {
        const ch: number = this.ch;
        if (ch === 41) --balance;
        else if (ch === 40) ++balance;
        this.advance();
      } while (balance > 0 && this.ch);
      return tok(Tag.Unknown, 1, -1);
    }
    this.advance();
    return tok(Tag.Unknown, 1, -1);
  }
  take(): Token {
    const r = this.next;
    this.next = this.scan();
    return r;
  }
  skipSymbol(c: string): boolean {
    if (isSymbolTok(this.next, c)) {
      this.next = this.scan();
      return true;
    }
    return false;
  }
}

class DayComposer {
  comp: number[] = [];
  namedMonth = K_NONE;
  isoDate = false;
  isEmpty(): boolean {
    return this.comp.length === 0;
  }
  add(n: number): boolean {
    if (this.comp.length < 3) {
      this.comp.push(n);
      return true;
    }
    return false;
  }
  write(out: number[]): boolean {
    if (this.comp.length < 1) return false;
    const c = this.comp;
    while (c.length < 3) c.push(1);
    // as in V8, the component count is read after padding: always 3
    const index: number = 3;
    let year = 0;
    let month: number;
    let day: number;
    if (this.namedMonth === K_NONE) {
      if (this.isoDate || (index === 3 && !isDay(c[0]))) {
        year = c[0];
        month = c[1];
        day = c[2];
      } else {
        month = c[0];
        day = c[1];
        if (index === 3) year = c[2];
      }
    } else {
      month = this.namedMonth;
      if (index === 1) day = c[0];
      else if (!isDay(c[0])) {
        year = c[0];
        day = c[1];
      } else {
        day = c[0];
        year = c[1];
      }
    }
    if (!this.isoDate) {
      if (between(year, 0, 49)) year += 2000;
      else if (between(year, 50, 99)) year += 1900;
    }
    if (!(year >= -1073741824 && year <= 1073741823) || !isMonth(month) || !isDay(day)) return false;
    out[0] = year;
    out[1] = month - 1;
    out[2] = day;
    return true;
  }
}

class TimeComposer {
  comp: number[] = [];
  hourOffset = K_NONE;
  isEmpty(): boolean {
    return this.comp.length === 0;
  }
  isExpecting(n: number): boolean {
    const i = this.comp.length;
    return (i === 1 && isMinute(n)) || (i === 2 && isSecond(n)) || (i === 3 && isMillisecond(n));
  }
  add(n: number): boolean {
    if (this.comp.length < 4) {
      this.comp.push(n);
      return true;
    }
    return false;
  }
  addFinal(n: number): boolean {
    if (!this.add(n)) return false;
    while (this.comp.length < 4) this.comp.push(0);
    return true;
  }
  write(out: number[]): boolean {
    const c = this.comp;
    while (c.length < 4) c.push(0);
    let [hour] = c;
    const [, minute, second, ms] = c;
    if (this.hourOffset !== K_NONE) {
      if (!isHour12(hour)) return false;
      hour %= 12;
      hour += this.hourOffset;
    }
    if (!isHour(hour) || !isMinute(minute) || !isSecond(second) || !isMillisecond(ms)) {
      if (hour !== 24 || minute !== 0 || second !== 0 || ms !== 0) return false;
    }
    out[3] = hour;
    out[4] = minute;
    out[5] = second;
    out[6] = ms;
    return true;
  }
}

class TimeZoneComposer {
  sign = K_NONE;
  hour = K_NONE;
  minute = K_NONE;
  set(offsetHours: number): void {
    this.sign = offsetHours < 0 ? -1 : 1;
    this.hour = offsetHours * this.sign;
    this.minute = 0;
  }
  setSign(s: number): void {
    this.sign = s < 0 ? -1 : 1;
  }
  isExpecting(n: number): boolean {
    return this.hour !== K_NONE && this.minute === K_NONE && isMinute(n);
  }
  isUTC(): boolean {
    return this.hour === 0 && this.minute === 0;
  }
  isEmpty(): boolean {
    return this.hour === K_NONE;
  }
  write(out: number[]): boolean {
    if (this.sign !== K_NONE) {
      if (this.hour === K_NONE) this.hour = 0;
      if (this.minute === K_NONE) this.minute = 0;
      const total = this.hour * 3600 + this.minute * 60;
      if (total > 1073741823) return false;
      out[7] = this.sign < 0 ? -total : total;
    } else out[7] = NaN;
    return true;
  }
}

function readMilliseconds(t: Token): number {
  let n = t.value;
  let len = t.length;
  if (len === 1) n *= 100;
  else if (len === 2) n *= 10;
  else if (len > 3) {
    if (len > 9) len = 9;
    let factor = 1;
    do {
      factor *= 10;
      len--;
    } while (len > 3);
    n = Math.floor(n / factor);
  }
  return n;
}

const INVALID_TOKEN = tok(Tag.Invalid, 0, -1);
const EOI_TOKEN = tok(Tag.EndOfInput, 0, -1);

function parseES5(sc: Scanner, day: DayComposer, time: TimeComposer, tz: TimeZoneComposer): Token {
  if (isSign(sc.next)) {
    const signTok = sc.take();
    if (!isFixed(sc.next, 6)) return signTok;
    const sign = signOf(signTok);
    const year = sc.take().value;
    if (sign < 0 && year === 0) return signTok;
    day.add(sign * year);
  } else if (isFixed(sc.next, 4)) day.add(sc.take().value);
  else return sc.take();
  if (sc.skipSymbol('-')) {
    if (!isFixed(sc.next, 2) || !isMonth(sc.next.value)) return sc.take();
    day.add(sc.take().value);
    if (sc.skipSymbol('-')) {
      if (!isFixed(sc.next, 2) || !isDay(sc.next.value)) return sc.take();
      day.add(sc.take().value);
    }
  }
  const nextTag: number = sc.next.tag;
  if (nextTag !== KW.TimeSeparator) {
    if (nextTag !== Tag.EndOfInput) return sc.take();
  } else {
    sc.take();
    if (!isFixed(sc.next, 2) || !between(sc.next.value, 0, 24)) return INVALID_TOKEN;
    const hourIs24 = sc.next.value === 24;
    time.add(sc.take().value);
    if (!sc.skipSymbol(':')) return INVALID_TOKEN;
    if (!isFixed(sc.next, 2) || !isMinute(sc.next.value) || (hourIs24 && sc.next.value > 0)) return INVALID_TOKEN;
    time.add(sc.take().value);
    if (sc.skipSymbol(':')) {
      if (!isFixed(sc.next, 2) || !isSecond(sc.next.value) || (hourIs24 && sc.next.value > 0)) return INVALID_TOKEN;
      time.add(sc.take().value);
      if (sc.skipSymbol('.')) {
        if (!isNumberTok(sc.next) || (hourIs24 && sc.next.value > 0)) return INVALID_TOKEN;
        time.add(readMilliseconds(sc.take()));
      }
    }
    if (isKeywordZ(sc.next)) {
      sc.take();
      tz.set(0);
    } else if (isSymbolTok(sc.next, '+') || isSymbolTok(sc.next, '-')) {
      tz.setSign(sc.take().value === 43 ? 1 : -1);
      if (isFixed(sc.next, 4)) {
        const hm = sc.take().value;
        const h = Math.floor(hm / 100);
        const m = hm % 100;
        if (!isHour(h) || !isMinute(m)) return INVALID_TOKEN;
        tz.hour = h;
        tz.minute = m;
      } else {
        if (!isFixed(sc.next, 2) || !isHour(sc.next.value)) return INVALID_TOKEN;
        tz.hour = sc.take().value;
        if (!sc.skipSymbol(':')) return INVALID_TOKEN;
        if (!isFixed(sc.next, 2) || !isMinute(sc.next.value)) return INVALID_TOKEN;
        tz.minute = sc.take().value;
      }
    }
    if (sc.next.tag !== Tag.EndOfInput) return INVALID_TOKEN;
  }
  if (tz.isEmpty() && time.isEmpty()) tz.set(0);
  day.isoDate = true;
  return EOI_TOKEN;
}

/** DateParser::Parse: fills out[0..7] (year, month, day, hour, minute, second, ms, UTC offset s). */
function parseFields(s: string, out: number[]): boolean {
  const sc = new Scanner(s);
  const tz = new TimeZoneComposer();
  const time = new TimeComposer();
  const day = new DayComposer();
  const nextUnhandled = parseES5(sc, day, time, tz);
  if (nextUnhandled.tag === Tag.Invalid) return false;
  let hasReadNumber = !day.isEmpty();
  for (let token = nextUnhandled; token.tag !== Tag.EndOfInput; token = sc.take()) {
    if (isNumberTok(token)) {
      hasReadNumber = true;
      const n = token.value;
      if (sc.skipSymbol(':')) {
        if (sc.skipSymbol(':')) {
          if (!time.isEmpty()) return false;
          time.add(n);
          time.add(0);
        } else {
          if (!time.add(n)) return false;
          if (isSymbolTok(sc.next, '.')) sc.take();
        }
      } else if (sc.skipSymbol('.') && time.isExpecting(n)) {
        // (as in V8, the '.' is consumed even when no time is expected)
        time.add(n);
        if (!isNumberTok(sc.next)) return false;
        const ms = readMilliseconds(sc.take());
        if (ms < 0) return false;
        time.addFinal(ms);
      } else if (tz.isExpecting(n)) {
        tz.minute = n;
      } else if (time.isExpecting(n)) {
        time.addFinal(n);
        const peek = sc.next;
        if (peek.tag !== Tag.EndOfInput && peek.tag !== Tag.WhiteSpace && !isKeywordZ(peek) && !isSign(peek)) return false;
      } else {
        if (!day.add(n)) return false;
        sc.skipSymbol('-');
      }
    } else if (isKeyword(token)) {
      const type = token.tag;
      const value = token.value;
      if (type === KW.AmPm && !time.isEmpty()) time.hourOffset = value;
      else if (type === KW.MonthName) {
        day.namedMonth = value;
        sc.skipSymbol('-');
      } else if (type === KW.TimeZoneName && hasReadNumber) tz.set(value);
      else {
        if (hasReadNumber) return false;
        if (isNumberTok(sc.next)) return false;
      }
    } else if (isSign(token) && (tz.isUTC() || !time.isEmpty())) {
      tz.setSign(signOf(token));
      let n = 0;
      let length = 0;
      if (isNumberTok(sc.next)) {
        const t = sc.take();
        length = t.length;
        n = t.value;
      }
      hasReadNumber = true;
      if (isSymbolTok(sc.next, ':')) {
        tz.hour = n;
        tz.minute = K_NONE;
      } else if (length === 2 || length === 1) {
        tz.hour = n;
        tz.minute = 0;
      } else if (length === 4 || length === 3) {
        tz.hour = Math.floor(n / 100);
        tz.minute = n % 100;
      } else return false;
    } else if ((isSign(token) || isSymbolTok(token, ')')) && hasReadNumber) {
      return false;
    }
  }
  return day.write(out) && time.write(out) && tz.write(out);
}

/** Date.parse / new Date(string). */
export function parseDate(s: string): number {
  const out = [0, 0, 0, 0, 0, 0, 0, NaN];
  if (!parseFields(s, out)) return NaN;
  const d = makeDay(out[0], out[1], out[2]);
  const t = makeTime(out[3], out[4], out[5], out[6]);
  let date = makeDate(d, t);
  if (Number.isNaN(out[7])) {
    // local time (= UTC)
    if (date < -MAX_TIME - 864000000 || date > MAX_TIME + 864000000) return NaN;
  } else {
    date -= out[7] * 1000;
    if (date < -MAX_TIME || date > MAX_TIME) return NaN;
  }
  return timeClip(date);
}

// ---- the built-in ---------------------------------------------------------------------------

/** The receiver's time value. Without `method` (V8's getters): "this is not a Date object.";
 * with it: "Method Date.prototype.<method> called on incompatible receiver …". */
function thisTime(vm: VM, t: Value, method?: string): number {
  return thisDate(vm, t, method).time;
}

function thisDate(vm: VM, t: Value, method?: string): JSDate {
  if (t instanceof JSDate) return t;
  if (method === undefined) throw new GuestError('TypeError', 'this is not a Date object.');
  throw new GuestError('TypeError', `Method Date.prototype.${method} called on incompatible receiver ${receiverText(vm, t)}`);
}

function newDate(vm: VM, proto: JSObject, time: number): JSDate {
  vm.charge(56);
  const d = new JSDate(proto, time);
  d.shape = vm.realm.rootShape(proto);
  return d;
}

/** Whether a native may push a guest frame now: false when the VM called it from a native
 * conversion (toPrimitiveNative), which cannot take a pushed frame. When the interpreter calls
 * a native, the callee and `this` are still in the call's stack slots. */
function canPush(vm: VM, self: NativeFunction, thisv: Value): boolean {
  return vm.stack[vm.sp] === self && vm.stack[vm.sp + 1] === thisv;
}

addPreludeModule({
  exports: ['dateOrdinaryToPrimitive', 'dateToJSONSlow'],
  source: String.raw`
function dateOrdinaryToPrimitive(o, tryFirst) {
  const first = tryFirst === 'string' ? 'toString' : 'valueOf';
  const second = tryFirst === 'string' ? 'valueOf' : 'toString';
  let f = o[first];
  if (typeof f === 'function') {
    const r = $.call(f, o);
    if (!$.isObject(r)) return r;
  }
  f = o[second];
  if (typeof f === 'function') {
    const r = $.call(f, o);
    if (!$.isObject(r)) return r;
  }
  throw new TypeError('Cannot convert object to primitive value');
}
function dateToJSONSlow(o) {
  const tv = toPrimitive(o, 'number');
  if (typeof tv === 'number' && (tv !== tv || tv === Infinity || tv === -Infinity)) return null;
  const f = o.toISOString;
  if (typeof f !== 'function') throw new TypeError('toISOString is not a function');
  return $.call(f, o);
}
`,
});

registerInstaller((r: Realm) => {
  const DP = r.DatePrototype;
  const D = r.ctor(
    'Date',
    7,
    (vm, _t, a, nt, self) => {
      if (nt === undefined) return toDateString(timeClip(vm.clock()));
      let tv: number;
      try {
        if (a.length === 0) tv = timeClip(vm.clock());
        else if (a.length === 1) {
          const v = a[0];
          if (v instanceof JSDate) tv = v.time;
          else {
            const p = primOf(vm, v, 'default');
            if (typeof p === 'string') vm.chargeWork(p.length >> 3);
            tv = timeClip(typeof p === 'string' ? parseDate(p) : num(vm, p));
          }
        } else {
          const n = a.map((x) => num(vm, x));
          tv = timeClip(fromParts(n));
        }
      } catch (e) {
        if (e !== NEEDS_GUEST) throw e;
        return retryWithPrimitives(vm, self, undefined, a, nt, a.length === 1 ? 'd' : 'n');
      }
      return newDate(vm, protoFor(vm, nt, vm.realm.DatePrototype), tv);
    },
    DP,
  );
  r.method(D, 'now', 0, (vm) => timeClip(vm.clock()));
  r.method(
    D,
    'parse',
    1,
    guestArgs('s', (vm, _t, a) => {
      const text = str(vm, a[0]);
      vm.chargeWork(text.length >> 3);
      return parseDate(text);
    }),
  );
  r.method(
    D,
    'UTC',
    7,
    guestArgs('n', (vm, _t, a) => {
      const n = a.map((x) => num(vm, x));
      if (n.length === 0) return NaN;
      return timeClip(fromParts(n));
    }),
  );

  // getters
  const F = (name: string, f: (t: number) => number) => {
    r.method(DP, name, 0, (vm, t) => {
      const tv = thisTime(vm, t, name === 'getYear' ? name : undefined);
      return Number.isNaN(tv) ? NaN : f(tv);
    });
  };
  r.method(DP, 'getTime', 0, (vm, t) => thisTime(vm, t));
  r.method(DP, 'valueOf', 0, (vm, t) => thisTime(vm, t));
  for (const utc of ['', 'UTC']) {
    F(`get${utc}FullYear`, (t) => fieldsOf(t).year);
    F(`get${utc}Month`, (t) => fieldsOf(t).month);
    F(`get${utc}Date`, (t) => fieldsOf(t).day);
    F(`get${utc}Day`, (t) => fieldsOf(t).weekday);
    F(`get${utc}Hours`, (t) => Math.floor(timeWithinDay(t) / 3600000));
    F(`get${utc}Minutes`, (t) => Math.floor(timeWithinDay(t) / 60000) % 60);
    F(`get${utc}Seconds`, (t) => Math.floor(timeWithinDay(t) / 1000) % 60);
    F(`get${utc}Milliseconds`, (t) => timeWithinDay(t) % 1000);
  }
  F('getYear', (t) => fieldsOf(t).year - 1900);
  F('getTimezoneOffset', () => 0);

  // setters (local time is UTC, so each pair shares one implementation)
  const setter = (name: string, length: number, f: (t: number, n: number[], argc: number) => number, nanStays = true) => {
    const impl = (method: string) => guestArgs('n', (vm, t, a) => {
      const d = thisDate(vm, t, method);
      let tv = d.time;
      // on an invalid date V8 converts only the first argument before returning NaN
      const count = Number.isNaN(tv) && nanStays ? 1 : Math.min(Math.max(a.length, 1), length);
      const n: number[] = [];
      for (let i = 0; i < count; i++) n.push(num(vm, a[i]));
      if (Number.isNaN(tv)) {
        if (nanStays) return NaN;
        tv = 0;
      }
      d.time = timeClip(f(tv, n, a.length));
      return d.time;
    });
    r.method(DP, `set${name}`, length, impl(`set${name}`));
    r.method(DP, `setUTC${name}`, length, impl(`setUTC${name}`));
  };
  const parts = (t: number) => {
    const w = timeWithinDay(t);
    return { day: dayOf(t), h: Math.floor(w / 3600000), m: Math.floor(w / 60000) % 60, s: Math.floor(w / 1000) % 60, ms: w % 1000 };
  };
  setter('Milliseconds', 1, (t, n) => {
    const p = parts(t);
    return makeDate(p.day, makeTime(p.h, p.m, p.s, n[0]));
  });
  setter('Seconds', 2, (t, n, argc) => {
    const p = parts(t);
    return makeDate(p.day, makeTime(p.h, p.m, n[0], argc > 1 ? n[1] : p.ms));
  });
  setter('Minutes', 3, (t, n, argc) => {
    const p = parts(t);
    return makeDate(p.day, makeTime(p.h, n[0], argc > 1 ? n[1] : p.s, argc > 2 ? n[2] : p.ms));
  });
  setter('Hours', 4, (t, n, argc) => {
    const p = parts(t);
    return makeDate(p.day, makeTime(n[0], argc > 1 ? n[1] : p.m, argc > 2 ? n[2] : p.s, argc > 3 ? n[3] : p.ms));
  });
  setter('Date', 1, (t, n) => {
    const f = fieldsOf(t);
    return makeDate(makeDay(f.year, f.month, n[0]), timeWithinDay(t));
  });
  setter('Month', 2, (t, n, argc) => {
    const f = fieldsOf(t);
    return makeDate(makeDay(f.year, n[0], argc > 1 ? n[1] : f.day), timeWithinDay(t));
  });
  setter(
    'FullYear',
    3,
    (t, n, argc) => {
      const f = fieldsOf(t);
      return makeDate(makeDay(n[0], argc > 1 ? n[1] : f.month, argc > 2 ? n[2] : f.day), timeWithinDay(t));
    },
    false,
  );
  r.method(
    DP,
    'setTime',
    1,
    guestArgs('n', (vm, t, a) => {
      const d = thisDate(vm, t, 'setTime');
      d.time = timeClip(num(vm, a[0]));
      return d.time;
    }),
  );
  r.method(
    DP,
    'setYear',
    1,
    guestArgs('n', (vm, t, a) => {
      const d = thisDate(vm, t, 'setYear');
      const y = num(vm, a[0]);
      if (Number.isNaN(y)) return (d.time = NaN);
      const yi = toInt(y);
      const yyyy = yi >= 0 && yi <= 99 ? 1900 + yi : y;
      const tv = Number.isNaN(d.time) ? 0 : d.time;
      const f = fieldsOf(tv);
      d.time = timeClip(makeDate(makeDay(yyyy, f.month, f.day), timeWithinDay(tv)));
      return d.time;
    }),
  );

  // strings
  r.method(DP, 'toString', 0, (vm, t) => toDateString(thisTime(vm, t, 'toString')));
  r.method(DP, 'toDateString', 0, (vm, t) => {
    const tv = thisTime(vm, t, 'toDateString');
    return Number.isNaN(tv) ? 'Invalid Date' : dateString(tv);
  });
  r.method(DP, 'toTimeString', 0, (vm, t) => {
    const tv = thisTime(vm, t, 'toTimeString');
    return Number.isNaN(tv) ? 'Invalid Date' : timeString(tv);
  });
  r.method(DP, 'toISOString', 0, (vm, t) => {
    const tv = thisTime(vm, t, 'toISOString');
    if (Number.isNaN(tv)) throw new GuestError('RangeError', 'Invalid time value');
    return isoString(tv);
  });
  const utc = r.method(DP, 'toUTCString', 0, (vm, t) => utcString(thisTime(vm, t, 'toUTCString')));
  DP.defineOwn('toGMTString', utc, Attr.Hidden);
  const locale = (kind: 'date' | 'time' | 'both', required: 'date' | 'time' | 'any', defaults: 'date' | 'time' | 'all', method: string) => (vm: VM, t: Value, a: Value[]) => {
    const tv = thisTime(vm, t, method);
    if (a[0] === undefined && a[1] === undefined) return formatDateDefault(tv, kind);
    const spec = dateTimeFormatOptions(vm, a[0], a[1], required, defaults, 'Date.prototype.toLocaleString');
    if (Number.isNaN(tv)) return 'Invalid Date';
    return formatDateTime(tv, spec);
  };
  r.method(DP, 'toLocaleString', 0, locale('both', 'any', 'all', 'toLocaleString'));
  r.method(DP, 'toLocaleDateString', 0, locale('date', 'date', 'date', 'toLocaleDateString'));
  r.method(DP, 'toLocaleTimeString', 0, locale('time', 'time', 'time', 'toLocaleTimeString'));

  // toJSON: ToPrimitive(this, number), then this.toISOString()
  let toISO: NativeFunction | null = null;
  r.method(DP, 'toJSON', 1, (vm, t) => {
    const o = toObject(vm, t);
    const tv = o instanceof JSDate && isBuiltinPrimitive(vm, o) ? o.time : vm.toPrimitiveNative(o, 'number');
    if (tv === HOLE) return vm.pushCall(vm.realm.prelude.dateToJSONSlow, undefined, [o], Cont.Normal);
    if (typeof tv === 'number' && !Number.isFinite(tv)) return null;
    const f = vm.lookup(o, 'toISOString');
    if (f instanceof Accessor) return vm.pushCall(vm.realm.prelude.dateToJSONSlow, undefined, [o], Cont.Normal);
    if (!isCallable(f as Value)) throw new GuestError('TypeError', 'toISOString is not a function');
    if (toISO === null) toISO = vm.lookup(vm.realm.DatePrototype, 'toISOString') as NativeFunction;
    if (f === toISO) return isoString(thisTime(vm, o, 'toISOString'));
    return vm.pushCall(f as Value, o, [], Cont.Normal);
  });

  // [Symbol.toPrimitive](hint)
  const toPrim = r.method(DP, WELL_KNOWN.toPrimitive, 1, (vm, t, a, _nt, self) => {
    if (!(t instanceof JSObject)) throw new GuestError('TypeError', `Method Date.prototype [ @@toPrimitive ] called on incompatible receiver ${receiverText(vm, t)}`);
    const hint = a[0];
    let tryFirst: 'string' | 'number';
    if (hint === 'string' || hint === 'default') tryFirst = 'string';
    else if (hint === 'number') tryFirst = 'number';
    else throw new GuestError('TypeError', `Invalid hint: ${typeof hint === 'string' ? hint : receiverText(vm, hint)}`);
    const order = tryFirst === 'string' ? ['toString', 'valueOf'] : ['valueOf', 'toString'];
    for (const m of order) {
      const f = vm.lookup(t, m);
      if (f instanceof Accessor || (isCallable(f as Value) && (!(f instanceof NativeFunction) || f.data instanceof BoundData))) {
        // guest code is needed
        if (canPush(vm, self, t)) return vm.pushCall(vm.realm.prelude.dateOrdinaryToPrimitive, undefined, [t, tryFirst], Cont.Normal);
        return HOLE as unknown as Value; // tells toPrimitiveNative to take the prelude path
      }
      if (f === HOLE || !isCallable(f as Value)) continue;
      if (vm.realm.guestDependentNatives.has((f as NativeFunction).nativeId)) {
        if (canPush(vm, self, t)) return vm.pushCall(vm.realm.prelude.dateOrdinaryToPrimitive, undefined, [t, tryFirst], Cont.Normal);
        return HOLE as unknown as Value;
      }
      const res = nativeImpl((f as NativeFunction).nativeId)(vm, t, [], undefined, f as NativeFunction);
      if (res === PUSHED) throw new Error('internal: a conversion native pushed a frame');
      if (!(res instanceof JSObject)) return res;
    }
    throw new GuestError('TypeError', 'Cannot convert object to primitive value');
  });

  reorderProperties(DP, DATE_PROTO_ORDER);

  /** A Date whose ToPrimitive(number) is its time value without guest code. */
  const isBuiltinPrimitive = (vm: VM, o: JSDate): boolean => vm.lookup(o, WELL_KNOWN.toPrimitive) === toPrim && vm.lookup(o, 'valueOf') === valueOf;
  const valueOf = ownValue(DP, 'valueOf');
});

/** An intrinsic's own data property (at install time, no getters). */
function ownValue(o: JSObject, key: string): Value {
  const i = o.shape.index.get(key);
  return i === undefined ? undefined : (o.getSlot(i) as Value);
}

/** V8's order of Date.prototype's properties. */
const DATE_PROTO_ORDER = 'constructor,toString,toDateString,toTimeString,toISOString,toUTCString,toGMTString,getDate,setDate,getDay,getFullYear,setFullYear,getHours,setHours,getMilliseconds,setMilliseconds,getMinutes,setMinutes,getMonth,setMonth,getSeconds,setSeconds,getTime,setTime,getTimezoneOffset,getUTCDate,setUTCDate,getUTCDay,getUTCFullYear,setUTCFullYear,getUTCHours,setUTCHours,getUTCMilliseconds,setUTCMilliseconds,getUTCMinutes,setUTCMinutes,getUTCMonth,setUTCMonth,getUTCSeconds,setUTCSeconds,valueOf,getYear,setYear,toJSON,toLocaleString,toLocaleDateString,toLocaleTimeString'.split(',');

/** MakeDate of constructor/UTC arguments (year 0..99 → 1900s). */
function fromParts(n: number[]): number {
  const y = n[0];
  const m = n.length > 1 ? n[1] : 0;
  const dt = n.length > 2 ? n[2] : 1;
  const h = n.length > 3 ? n[3] : 0;
  const min = n.length > 4 ? n[4] : 0;
  const s = n.length > 5 ? n[5] : 0;
  const ms = n.length > 6 ? n[6] : 0;
  let yr = y;
  if (!Number.isNaN(y)) {
    const yi = toInt(y);
    if (yi >= 0 && yi <= 99) yr = 1900 + yi;
  }
  return makeDate(makeDay(yr, m, dt), makeTime(h, min, s, ms));
}
