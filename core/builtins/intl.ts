/**
 * en-US formatting, written out (never the host's locale data, so results do not depend on
 * the host's ICU): `Number.prototype.toLocaleString`, `BigInt.prototype.toLocaleString`,
 * `Date.prototype.toLocale{,Date,Time}String`, and the small `Intl` subset
 * (`Intl.NumberFormat`, `Intl.DateTimeFormat`) documented in docs/LANGUAGE.md.
 *
 * Only the `en-US` locale (also `en`, or a list starting with one of them) and the UTC time
 * zone exist. Any other locale or an option outside the subset throws a RangeError
 * instead of formatting differently from V8.
 *
 * Numbers are rounded the way ICU does: on the shortest decimal representation of the
 * double (so `1.005` rounds to `1.01` with two fraction digits, unlike `toFixed`),
 * half away from zero ("halfExpand").
 */
import { JSObject, NativeFunction } from '../objects';
import { Attr } from '../shape';
import { WELL_KNOWN, type Value } from '../value';
import type { VM } from '../vm/interpreter';
import { registerInstaller, type Realm } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { toNumber, toObject, toString } from './util';
import { localeTags } from './locales';
import { reorderProperties } from './convert';

// ---- locales and options ------------------------------------------------------------------

const SUPPORTED_LOCALES = new Set(['en-us', 'en']);

/** Validates the `locales` argument: the first tag must be en-US or en, the only locale available. */
export function checkLocales(vm: VM, locales: Value): void {
  const first = localeTags(vm, locales)[0];
  if (first !== undefined && !SUPPORTED_LOCALES.has(first.toLowerCase())) {
    throw new GuestError('RangeError', `Capsule's Intl subset supports only the en-US locale (got "${first}")`);
  }
}

/** CoerceOptionsToObject. */
function optionsObject(vm: VM, options: Value): JSObject | null {
  if (options === undefined) return null;
  return toObject(vm, options);
}

function getOpt(vm: VM, o: JSObject | null, key: string): Value {
  return o === null ? undefined : vm.get(o, key);
}

/** GetOption for string options with an allowed list. */
function stringOption(vm: VM, o: JSObject | null, key: string, allowed: string[] | null, fallback: string | undefined, where: string): string | undefined {
  const v = getOpt(vm, o, key);
  if (v === undefined) return fallback;
  const s = toString(vm, v);
  if (allowed && !allowed.includes(s)) throw new GuestError('RangeError', `Value ${s} out of range for ${where} options property ${key}`);
  return s;
}

function defaultNumberOption(vm: VM, v: Value, min: number, max: number, fallback: number | undefined, key: string): number | undefined {
  if (v === undefined) return fallback;
  const n = toNumber(vm, v);
  if (Number.isNaN(n) || n < min || n > max) throw new GuestError('RangeError', `${key} value is out of range.`);
  return Math.floor(n);
}

function unsupported(what: string): never {
  throw new GuestError('RangeError', `Capsule's Intl subset does not support ${what}`);
}

// ---- numbers --------------------------------------------------------------------------------

export interface NumberFormatSpec {
  style: 'decimal' | 'percent' | 'currency';
  currency: string | undefined;
  currencyDisplay: 'symbol' | 'narrowSymbol' | 'code';
  minimumIntegerDigits: number;
  minimumFractionDigits: number;
  maximumFractionDigits: number;
  minimumSignificantDigits: number | undefined;
  maximumSignificantDigits: number | undefined;
  useGrouping: boolean;
}

const DEFAULT_SPEC: NumberFormatSpec = {
  style: 'decimal',
  currency: undefined,
  currencyDisplay: 'symbol',
  minimumIntegerDigits: 1,
  minimumFractionDigits: 0,
  maximumFractionDigits: 3,
  minimumSignificantDigits: undefined,
  maximumSignificantDigits: undefined,
  useGrouping: true,
};

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹', CNY: 'CN¥', CAD: 'CA$', AUD: 'A$', KRW: '₩', ILS: '₪', BRL: 'R$', MXN: 'MX$', NZD: 'NZ$', HKD: 'HK$', TWD: 'NT$', VND: '₫', XAF: 'FCFA', PHP: '₱' };
const NARROW_SYMBOLS: Record<string, string> = { CAD: '$', AUD: '$', MXN: '$', NZD: '$', HKD: '$', TWD: '$', BRL: 'R$', CNY: '¥' };
const ZERO_DIGIT_CURRENCIES = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'PYG', 'UGX', 'XAF', 'XOF', 'BIF', 'DJF', 'GNF', 'KMF', 'RWF', 'VUV', 'XPF']);
const THREE_DIGIT_CURRENCIES = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Reads number-format options the way InitializeNumberFormat does (the en-US subset). */
export function numberFormatOptions(vm: VM, locales: Value, options: Value, where = 'Number.prototype.toLocaleString'): NumberFormatSpec {
  checkLocales(vm, locales);
  if (options === undefined) return DEFAULT_SPEC;
  if (options === null) throw new GuestError('TypeError', `${where} called on null or undefined`);
  const o = optionsObject(vm, options);
  stringOption(vm, o, 'localeMatcher', ['lookup', 'best fit'], 'best fit', where);
  const ns = stringOption(vm, o, 'numberingSystem', null, undefined, where);
  if (ns !== undefined && ns !== 'latn') unsupported(`numberingSystem "${ns}"`);
  const style = stringOption(vm, o, 'style', ['decimal', 'percent', 'currency', 'unit'], 'decimal', where) as string;
  let currency = stringOption(vm, o, 'currency', null, undefined, where);
  if (currency !== undefined) {
    if (!/^[A-Za-z]{3}$/.test(currency)) throw new GuestError('RangeError', `Invalid currency code : ${currency}`);
    currency = currency.toUpperCase();
  }
  const currencyDisplay = stringOption(vm, o, 'currencyDisplay', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol', where) as string;
  const currencySign = stringOption(vm, o, 'currencySign', ['standard', 'accounting'], 'standard', where);
  const unit = stringOption(vm, o, 'unit', null, undefined, where);
  stringOption(vm, o, 'unitDisplay', ['short', 'narrow', 'long'], 'short', where);
  if (style === 'currency' && currency === undefined) throw new GuestError('TypeError', 'Currency code is required with currency style.');
  if (style === 'unit') {
    if (unit === undefined) throw new GuestError('TypeError', 'Unit is required with unit style.');
    unsupported('style "unit"');
  }
  if (currencyDisplay === 'name') unsupported('currencyDisplay "name"');
  if (currencySign === 'accounting') unsupported('currencySign "accounting"');
  const notation = stringOption(vm, o, 'notation', ['standard', 'scientific', 'engineering', 'compact'], 'standard', where);
  if (notation !== 'standard') unsupported(`notation "${notation}"`);

  const cDigits = style === 'currency' ? (ZERO_DIGIT_CURRENCIES.has(currency!) ? 0 : THREE_DIGIT_CURRENCIES.has(currency!) ? 3 : 2) : 0;
  const mnfdDefault = cDigits;
  const mxfdDefault = style === 'currency' ? Math.max(mnfdDefault, cDigits) : style === 'percent' ? Math.max(mnfdDefault, 0) : Math.max(mnfdDefault, 3);

  const mnid = defaultNumberOption(vm, getOpt(vm, o, 'minimumIntegerDigits'), 1, 21, 1, 'minimumIntegerDigits')!;
  let mnfd: Value | number | undefined = getOpt(vm, o, 'minimumFractionDigits');
  let mxfd: Value | number | undefined = getOpt(vm, o, 'maximumFractionDigits');
  let mnsd: Value | number | undefined = getOpt(vm, o, 'minimumSignificantDigits');
  let mxsd: Value | number | undefined = getOpt(vm, o, 'maximumSignificantDigits');
  const inc = defaultNumberOption(vm, getOpt(vm, o, 'roundingIncrement'), 1, 5000, 1, 'roundingIncrement');
  if (inc !== 1) unsupported('roundingIncrement');
  const roundingMode = stringOption(vm, o, 'roundingMode', ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'], 'halfExpand', where);
  if (roundingMode !== 'halfExpand') unsupported(`roundingMode "${roundingMode}"`);
  const roundingPriority = stringOption(vm, o, 'roundingPriority', ['auto', 'morePrecision', 'lessPrecision'], 'auto', where);
  if (roundingPriority !== 'auto') unsupported(`roundingPriority "${roundingPriority}"`);
  const tzd = stringOption(vm, o, 'trailingZeroDisplay', ['auto', 'stripIfInteger'], 'auto', where);
  if (tzd !== 'auto') unsupported('trailingZeroDisplay');
  const hasSd = mnsd !== undefined || mxsd !== undefined;
  const hasFd = mnfd !== undefined || mxfd !== undefined;
  if (hasSd) {
    mnsd = defaultNumberOption(vm, mnsd as Value, 1, 21, 1, 'minimumSignificantDigits');
    mxsd = defaultNumberOption(vm, mxsd as Value, mnsd as number, 21, 21, 'maximumSignificantDigits');
    mnfd = mnfdDefault;
    mxfd = mxfdDefault;
  } else if (hasFd) {
    mnfd = defaultNumberOption(vm, mnfd as Value, 0, 100, undefined, 'minimumFractionDigits');
    mxfd = defaultNumberOption(vm, mxfd as Value, 0, 100, undefined, 'maximumFractionDigits');
    if (mnfd === undefined) mnfd = Math.min(mnfdDefault, mxfd as number);
    else if (mxfd === undefined) mxfd = Math.max(mxfdDefault, mnfd);
    else if (mnfd > mxfd) throw new GuestError('RangeError', 'maximumFractionDigits value is out of range.');
  } else {
    mnfd = mnfdDefault;
    mxfd = mxfdDefault;
  }
  stringOption(vm, o, 'compactDisplay', ['short', 'long'], 'short', where);
  const g = getOpt(vm, o, 'useGrouping');
  let useGrouping = true;
  if (g !== undefined) {
    if (g === false) useGrouping = false;
    else if (g === true || g === 'always' || g === 'auto' || g === 'min2') {
      if (g === 'min2') unsupported('useGrouping "min2"');
    } else if (typeof g === 'string' && (g === 'true' || g === 'false')) {
      // V8 treats the strings "true"/"false" as the default
    } else if (!(typeof g === 'string' || typeof g === 'number' || typeof g === 'boolean' || g === null) || g) {
      throw new GuestError('RangeError', `Value ${toString(vm, g)} out of range for ${where} options property useGrouping`);
    } else useGrouping = false;
  }
  const sd = stringOption(vm, o, 'signDisplay', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto', where);
  if (sd !== 'auto') unsupported(`signDisplay "${sd}"`);
  return {
    style: style as NumberFormatSpec['style'],
    currency,
    currencyDisplay: currencyDisplay as NumberFormatSpec['currencyDisplay'],
    minimumIntegerDigits: mnid,
    minimumFractionDigits: mnfd as number,
    maximumFractionDigits: mxfd as number,
    minimumSignificantDigits: hasSd ? (mnsd as number) : undefined,
    maximumSignificantDigits: hasSd ? (mxsd as number) : undefined,
    useGrouping,
  };
}

/** Decimal digits of |x| (shortest round-trip form): digits without leading zeros and the
 * position of the decimal point (value = 0.d1d2... × 10^point). */
function decimalDigits(x: number | bigint): { digits: string; point: number } {
  if (typeof x === 'bigint') {
    const s = (x < 0n ? -x : x).toString();
    return s === '0' ? { digits: '', point: 0 } : { digits: s, point: s.length };
  }
  const a = Math.abs(x);
  if (a === 0) return { digits: '', point: 0 };
  const e = a.toExponential(); // shortest digits: "d.ddde±x"
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e)!;
  let digits = m[1] + (m[2] ?? '');
  digits = digits.replace(/0+$/, '');
  return { digits, point: Number(m[3]) + 1 };
}

/** Rounds a digit string to `keep` digits (half away from zero). */
function roundDigits(digits: string, point: number, keep: number): { digits: string; point: number } {
  if (keep >= digits.length) return { digits, point };
  if (keep < 0) return { digits: '', point };
  const up = digits.charCodeAt(keep) >= 53; // '5'
  let d = digits.slice(0, keep);
  if (up) {
    let i = d.length - 1;
    const arr = d.split('');
    while (i >= 0 && arr[i] === '9') arr[i--] = '0';
    if (i < 0) {
      arr.unshift('1');
      point++;
    } else arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
    d = arr.join('');
  }
  d = d.replace(/0+$/, '');
  return { digits: d, point };
}

function group(int: string): string {
  if (int.length <= 3) return int;
  let out = '';
  let first = int.length % 3;
  if (first === 0) first = 3;
  out = int.slice(0, first);
  for (let i = first; i < int.length; i += 3) out += ',' + int.slice(i, i + 3);
  return out;
}

/** Formats a number or BigInt in en-US. */
export function formatNumber(x: number | bigint, spec: NumberFormatSpec = DEFAULT_SPEC): string {
  return formatNumberParts(x, spec)
    .map((p) => p[1])
    .join('');
}

/** The parts of an en-US formatted number: [type, value] pairs as in formatToParts. */
export function formatNumberParts(x: number | bigint, spec: NumberFormatSpec): [string, string][] {
  const parts: [string, string][] = [];
  const negative = typeof x === 'bigint' ? x < 0n : x < 0 || Object.is(x, -0);
  if (negative) parts.push(['minusSign', '-']);
  if (spec.style === 'currency') parts.push(['currency', currencySymbol(spec)]);
  if (typeof x === 'number' && Number.isNaN(x)) parts.push(['nan', 'NaN']);
  else if (typeof x === 'number' && !Number.isFinite(x)) parts.push(['infinity', '∞']);
  else {
    let { digits, point } = decimalDigits(x);
    if (spec.style === 'percent' && digits) point += 2;
    let minFrac: number;
    if (spec.maximumSignificantDigits !== undefined) {
      ({ digits, point } = roundDigits(digits, point, spec.maximumSignificantDigits));
      const sig = Math.max(spec.minimumSignificantDigits ?? 1, digits.length);
      minFrac = Math.max(0, sig - Math.max(point, digits ? point : 1));
      if (!digits) minFrac = Math.max(0, (spec.minimumSignificantDigits ?? 1) - 1);
    } else {
      ({ digits, point } = roundDigits(digits, point, point + spec.maximumFractionDigits));
      minFrac = spec.minimumFractionDigits;
    }
    let intPart: string;
    let frac: string;
    if (!digits) {
      intPart = '0';
      frac = '';
    } else if (point <= 0) {
      intPart = '0';
      frac = '0'.repeat(-point) + digits;
    } else if (point >= digits.length) {
      intPart = digits + '0'.repeat(point - digits.length);
      frac = '';
    } else {
      intPart = digits.slice(0, point);
      frac = digits.slice(point);
    }
    if (frac.length < minFrac) frac += '0'.repeat(minFrac - frac.length);
    if (intPart.length < spec.minimumIntegerDigits) intPart = '0'.repeat(spec.minimumIntegerDigits - intPart.length) + intPart;
    const grouped = spec.useGrouping ? group(intPart) : intPart;
    const groups = grouped.split(',');
    groups.forEach((g, i) => {
      if (i > 0) parts.push(['group', ',']);
      parts.push(['integer', g]);
    });
    if (frac) {
      parts.push(['decimal', '.']);
      parts.push(['fraction', frac]);
    }
  }
  if (spec.style === 'percent') parts.push(['percentSign', '%']);
  return parts;
}

function currencySymbol(spec: NumberFormatSpec): string {
  const c = spec.currency!;
  if (spec.currencyDisplay === 'code') return c + '\u00a0';
  if (spec.currencyDisplay === 'narrowSymbol' && NARROW_SYMBOLS[c]) return NARROW_SYMBOLS[c];
  return CURRENCY_SYMBOLS[c] ?? c + '\u00a0';
}

// ---- dates ----------------------------------------------------------------------------------

const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** UTC fields of a finite time value. */
export interface DateFields {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

export function fieldsOf(t: number): DateFields {
  const days = Math.floor(t / 86400000);
  let ms = t - days * 86400000;
  const hour = Math.floor(ms / 3600000);
  ms -= hour * 3600000;
  const minute = Math.floor(ms / 60000);
  ms -= minute * 60000;
  const second = Math.floor(ms / 1000);
  ms -= second * 1000;
  // civil-from-days (proleptic Gregorian)
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (month <= 1 ? 1 : 0);
  const weekday = (((days + 4) % 7) + 7) % 7;
  return { year, month, day, weekday, hour, minute, second, ms };
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** en-US year: no era, so years ≤ 0 show as 1 - year (1 BC is year 0). */
const enYear = (y: number) => String(y <= 0 ? 1 - y : y);

function hour12(h: number): string {
  const x = h % 12;
  return String(x === 0 ? 12 : x);
}

/** `toLocaleDateString()` / `toLocaleTimeString()` / `toLocaleString()` with en-US defaults. */
export function formatDateDefault(t: number, kind: 'date' | 'time' | 'both'): string {
  if (Number.isNaN(t)) return 'Invalid Date';
  const f = fieldsOf(t);
  const date = `${f.month + 1}/${f.day}/${enYear(f.year)}`;
  const time = `${hour12(f.hour)}:${pad2(f.minute)}:${pad2(f.second)} ${f.hour < 12 ? 'AM' : 'PM'}`;
  return kind === 'date' ? date : kind === 'time' ? time : `${date}, ${time}`;
}

export interface DateTimeFormatSpec {
  weekday?: 'long' | 'short' | 'narrow';
  era?: undefined;
  year?: 'numeric' | '2-digit';
  month?: 'numeric' | '2-digit' | 'long' | 'short' | 'narrow';
  day?: 'numeric' | '2-digit';
  hour?: 'numeric' | '2-digit';
  minute?: 'numeric' | '2-digit';
  second?: 'numeric' | '2-digit';
  fractionalSecondDigits?: number;
  hour12: boolean;
  /** hour12: false in V8 11 (the "kk" cycle: midnight is 24). */
  h24: boolean;
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
  timeStyle?: 'full' | 'long' | 'medium' | 'short';
  timeZoneName?: 'short' | 'long';
}

/** Reads Intl.DateTimeFormat options (the en-US/UTC subset). `required`/`defaults` as in ToDateTimeOptions. */
export function dateTimeFormatOptions(vm: VM, locales: Value, options: Value, required: 'date' | 'time' | 'any', defaults: 'date' | 'time' | 'all', where = 'Intl.DateTimeFormat'): DateTimeFormatSpec {
  checkLocales(vm, locales);
  const o = optionsObject(vm, options);
  const spec: DateTimeFormatSpec = { hour12: true, h24: false };
  stringOption(vm, o, 'localeMatcher', ['lookup', 'best fit'], 'best fit', where);
  const cal = stringOption(vm, o, 'calendar', null, undefined, where);
  if (cal !== undefined && cal !== 'gregory' && cal !== 'iso8601') unsupported(`calendar "${cal}"`);
  const ns = stringOption(vm, o, 'numberingSystem', null, undefined, where);
  if (ns !== undefined && ns !== 'latn') unsupported(`numberingSystem "${ns}"`);
  const h12 = getOpt(vm, o, 'hour12');
  const hourCycle = stringOption(vm, o, 'hourCycle', ['h11', 'h12', 'h23', 'h24'], undefined, where);
  let use12 = true;
  if (h12 !== undefined) {
    use12 = !!h12;
    spec.h24 = !use12;
  } else if (hourCycle === 'h23' || hourCycle === 'h24') {
    use12 = false;
    spec.h24 = hourCycle === 'h24';
  } else if (hourCycle === 'h11') unsupported('hourCycle "h11"');
  spec.hour12 = use12;
  const tz = getOpt(vm, o, 'timeZone');
  if (tz !== undefined) {
    const z = toString(vm, tz);
    if (!/^(utc|gmt|etc\/utc|etc\/gmt|z)$/i.test(z)) unsupported(`the time zone "${z}" (only UTC)`);
  }
  const weekday = stringOption(vm, o, 'weekday', ['narrow', 'short', 'long'], undefined, where);
  const era = stringOption(vm, o, 'era', ['narrow', 'short', 'long'], undefined, where);
  if (era !== undefined) unsupported('era');
  const year = stringOption(vm, o, 'year', ['2-digit', 'numeric'], undefined, where);
  const month = stringOption(vm, o, 'month', ['2-digit', 'numeric', 'narrow', 'short', 'long'], undefined, where);
  const day = stringOption(vm, o, 'day', ['2-digit', 'numeric'], undefined, where);
  const dayPeriod = stringOption(vm, o, 'dayPeriod', ['narrow', 'short', 'long'], undefined, where);
  if (dayPeriod !== undefined) unsupported('dayPeriod');
  const hour = stringOption(vm, o, 'hour', ['2-digit', 'numeric'], undefined, where);
  const minute = stringOption(vm, o, 'minute', ['2-digit', 'numeric'], undefined, where);
  const second = stringOption(vm, o, 'second', ['2-digit', 'numeric'], undefined, where);
  const fsd = defaultNumberOption(vm, getOpt(vm, o, 'fractionalSecondDigits'), 1, 3, undefined, 'fractionalSecondDigits');
  const tzName = stringOption(vm, o, 'timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric'], undefined, where);
  stringOption(vm, o, 'formatMatcher', ['basic', 'best fit'], 'best fit', where);
  const dateStyle = stringOption(vm, o, 'dateStyle', ['full', 'long', 'medium', 'short'], undefined, where);
  const timeStyle = stringOption(vm, o, 'timeStyle', ['full', 'long', 'medium', 'short'], undefined, where);
  const anyField = weekday || year || month || day || hour || minute || second || fsd !== undefined || tzName;
  if (dateStyle || timeStyle) {
    if (anyField) throw new GuestError('TypeError', "Can't set option " + firstField({ weekday, year, month, day, hour, minute, second, fsd, tzName }) + ' when ' + (dateStyle ? 'dateStyle' : 'timeStyle') + ' is used');
    if (required === 'date' && !dateStyle) throw new GuestError('TypeError', 'Invalid option : timeStyle');
    if (required === 'time' && !timeStyle) throw new GuestError('TypeError', 'Invalid option : dateStyle');
    spec.dateStyle = dateStyle as DateTimeFormatSpec['dateStyle'];
    spec.timeStyle = timeStyle as DateTimeFormatSpec['timeStyle'];
    return spec;
  }
  if (tzName !== undefined && tzName !== 'short' && tzName !== 'long') unsupported(`timeZoneName "${tzName}"`);
  Object.assign(spec, { weekday, year, month, day, hour, minute, second, fractionalSecondDigits: fsd, timeZoneName: tzName });
  let needDefaults = true;
  if ((required === 'date' || required === 'any') && (weekday || year || month || day)) needDefaults = false;
  if ((required === 'time' || required === 'any') && (hour || minute || second || fsd !== undefined)) needDefaults = false;
  if (needDefaults && (defaults === 'date' || defaults === 'all')) Object.assign(spec, { year: 'numeric', month: 'numeric', day: 'numeric' });
  if (needDefaults && (defaults === 'time' || defaults === 'all')) Object.assign(spec, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
  return spec;
}

function firstField(f: Record<string, unknown>): string {
  for (const [k, v] of Object.entries(f)) if (v !== undefined) return k === 'fsd' ? 'fractionalSecondDigits' : k === 'tzName' ? 'timeZoneName' : k;
  return '';
}

const DATE_STYLES = {
  full: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  long: { year: 'numeric', month: 'long', day: 'numeric' },
  medium: { year: 'numeric', month: 'short', day: 'numeric' },
  short: { year: '2-digit', month: 'numeric', day: 'numeric' },
} as const;

/** Formats a time value with a DateTimeFormat spec (en-US patterns for the supported fields). */
export function formatDateTime(t: number, spec: DateTimeFormatSpec): string {
  if (Number.isNaN(t)) throw new GuestError('RangeError', 'Invalid time value');
  const f = fieldsOf(t);
  if (spec.dateStyle || spec.timeStyle) {
    const d = spec.dateStyle ? datePart(f, DATE_STYLES[spec.dateStyle]) : '';
    let tm = '';
    if (spec.timeStyle) {
      const withSeconds = spec.timeStyle !== 'short';
      tm = timePart(f, { hour: 'numeric', minute: '2-digit', second: withSeconds ? '2-digit' : undefined }, spec.hour12, spec.h24);
      if (spec.timeStyle === 'full') tm += ' Coordinated Universal Time';
      else if (spec.timeStyle === 'long') tm += ' UTC';
    }
    if (d && tm) return spec.dateStyle === 'full' || spec.dateStyle === 'long' ? `${d} at ${tm}` : `${d}, ${tm}`;
    return d || tm;
  }
  const hasDate = spec.weekday || spec.year || spec.month || spec.day;
  const hasTime = spec.hour || spec.minute || spec.second || spec.fractionalSecondDigits !== undefined;
  if (spec.timeZoneName && !hasTime) unsupported('timeZoneName without a time');
  const d = hasDate ? datePart(f, spec) : '';
  let tm = hasTime ? timePart(f, spec, spec.hour12, spec.h24) : '';
  if (spec.timeZoneName) tm = `${tm} ${spec.timeZoneName === 'long' ? 'Coordinated Universal Time' : 'UTC'}`;
  if (d && tm) {
    if (!spec.month || !spec.day) unsupported('this combination of date and time fields');
    return spec.month === 'long' ? `${d} at ${tm}` : `${d}, ${tm}`;
  }
  return d || tm;
}

type DateOpts = { weekday?: string; year?: string; month?: string; day?: string };

/**
 * The date fields in en-US (ICU's patterns). Only the field sets whose patterns are regular
 * are supported: weekday alone, or an optional weekday with year/month/day sets that include
 * the month (or just the year or just the day).
 */
function datePart(f: DateFields, o: DateOpts): string {
  const y = o.year === '2-digit' ? pad2((((f.year <= 0 ? 1 - f.year : f.year) % 100) + 100) % 100) : o.year ? enYear(f.year) : '';
  const d = o.day === '2-digit' ? pad2(f.day) : o.day ? String(f.day) : '';
  const wd = o.weekday === 'long' ? DAYS_LONG[f.weekday] : o.weekday === 'short' ? DAYS_LONG[f.weekday].slice(0, 3) : o.weekday === 'narrow' ? DAYS_LONG[f.weekday][0] : '';
  let body: string;
  if (o.month === 'long' || o.month === 'short' || o.month === 'narrow') {
    const m = o.month === 'long' ? MONTHS_LONG[f.month] : o.month === 'short' ? MONTHS_LONG[f.month].slice(0, 3) : MONTHS_LONG[f.month][0];
    if (d && y) body = `${m} ${d}, ${y}`;
    else if (d) body = `${m} ${d}`;
    else if (y) body = `${m} ${y}`;
    else body = m;
  } else if (o.month) {
    const m = o.month === '2-digit' ? pad2(f.month + 1) : String(f.month + 1);
    if (d && y) body = `${m}/${d}/${y}`;
    else if (d) body = `${m}/${d}`;
    else if (y) body = `${m}/${y}`;
    else body = m;
  } else {
    if ((d && y) || (wd && (d || y))) unsupported('this combination of date fields (a day or year without a month)');
    body = d || y;
  }
  if (wd) {
    if (body && !(o.month && d)) unsupported('this combination of date fields (a weekday without a month and day)');
    return body ? `${wd}, ${body}` : wd;
  }
  return body;
}

/**
 * The time fields in en-US. Supported sets: hour; hour and minute; hour, minute and second;
 * minute and second. `hour12: false` is V8 11's "kk" cycle: two digits, midnight is 24.
 */
function timePart(f: DateFields, o: { hour?: string; minute?: string; second?: string; fractionalSecondDigits?: number }, use12: boolean, h24: boolean): string {
  const sec = o.second !== undefined || o.fractionalSecondDigits !== undefined;
  if (!(o.hour && o.minute) && !(o.hour && !o.minute && !sec && use12)) unsupported('this combination of time fields (use hour and minute, with or without second)');
  const parts: string[] = [];
  if (o.hour) {
    if (use12) parts.push(o.hour === '2-digit' ? pad2(Number(hour12(f.hour))) : hour12(f.hour));
    else parts.push(pad2(h24 && f.hour === 0 ? 24 : f.hour));
  }
  if (o.minute) parts.push(pad2(f.minute));
  if (sec) {
    let x = pad2(f.second);
    if (o.fractionalSecondDigits !== undefined) x += '.' + String(f.ms).padStart(3, '0').slice(0, o.fractionalSecondDigits);
    parts.push(x);
  }
  let out = parts.join(':');
  if (o.hour && use12) out += f.hour < 12 ? ' AM' : ' PM';
  return out;
}

// ---- the Intl global ------------------------------------------------------------------------

/** An Intl.NumberFormat / Intl.DateTimeFormat instance: a resolved spec (plain host data). */
class IntlObject extends JSObject {
  nf: NumberFormatSpec | null = null;
  dtf: DateTimeFormatSpec | null = null;
  boundFormat: JSObject | null = null;
}

registerInstaller((r: Realm) => {
  const Intl = r.namespace('Intl', 'Intl');
  r.method(Intl, 'getCanonicalLocales', 1, (vm, _t, a) => {
    checkLocales(vm, a[0]);
    return vm.newArray(a[0] === undefined ? [] : ['en-US']);
  });

  const makeClass = (name: 'NumberFormat' | 'DateTimeFormat', construct: (vm: VM, o: IntlObject, locales: Value, options: Value) => void) => {
    const proto = new JSObject(r.ObjectPrototype, 0, r.objectRootShape);
    r.setName(proto, `Intl.${name}.prototype`);
    const C = r.fn(`Intl.${name}`, name, 0, (vm, _t, a, nt) => {
      let p = proto;
      if (nt instanceof JSObject) {
        const q = vm.lookup(nt, 'prototype');
        if (q instanceof JSObject) p = q;
      }
      vm.charge(96);
      const o = new IntlObject(p, 0, vm.realm.rootShape(p));
      construct(vm, o, a[0], a[1]);
      return o;
    }, true);
    C.defineOwn('prototype', proto, 0);
    proto.defineOwn('constructor', C, Attr.Hidden);
    proto.defineOwn(WELL_KNOWN.toStringTag, `Intl.${name}`, Attr.Configurable);
    Intl.defineOwn(name, C, Attr.Hidden);
    r.method(C, 'supportedLocalesOf', 1, (vm, _t, a) => {
      checkLocales(vm, a[0]);
      return vm.newArray(a[0] === undefined ? [] : ['en-US']);
    });
    return proto;
  };

  const thisIntl = (vm: VM, t: Value, kind: 'nf' | 'dtf', method: string): IntlObject => {
    if (t instanceof IntlObject && t[kind]) return t;
    throw new GuestError('TypeError', `Method ${method} called on incompatible receiver ${vm.describe(t)}`);
  };

  const NFP = makeClass('NumberFormat', (vm, o, locales, options) => {
    o.nf = numberFormatOptions(vm, locales, options, 'Intl.NumberFormat');
  });
  const toNumeric = (vm: VM, v: Value): number | bigint => (typeof v === 'bigint' ? v : typeof v === 'number' ? v : v === undefined ? NaN : toNumber(vm, v));
  const nfFormat = r.fn('Intl.NumberFormat.format', '', 1, (vm, _t, a, _nt, self) => {
    const o = (self.data as IntlObject | null) ?? null;
    if (!o || !o.nf) throw new GuestError('TypeError', 'Method format called on incompatible receiver');
    return formatNumber(toNumeric(vm, a[0]), o.nf);
  });
  r.getter(NFP, 'format', (vm, t) => {
    const o = thisIntl(vm, t, 'nf', 'get Intl.NumberFormat.prototype.format');
    if (!o.boundFormat) o.boundFormat = boundFormatter(vm, nfFormat, o);
    return o.boundFormat;
  });
  r.method(NFP, 'formatToParts', 1, (vm, t, a) => {
    const o = thisIntl(vm, t, 'nf', 'Intl.NumberFormat.prototype.formatToParts');
    const parts = formatNumberParts(toNumeric(vm, a[0]), o.nf!).map(([type, value]) => {
      const p = vm.newObject();
      vm.defineData(p, 'type', type);
      vm.defineData(p, 'value', value.endsWith('\u00a0') && type === 'currency' ? value.slice(0, -1) : value);
      return p;
    });
    return vm.newArray(parts);
  });
  r.method(NFP, 'resolvedOptions', 0, (vm, t) => {
    const s = thisIntl(vm, t, 'nf', 'Intl.NumberFormat.prototype.resolvedOptions').nf!;
    const out = vm.newObject();
    const put = (k: string, v: Value) => vm.defineData(out, k, v);
    put('locale', 'en-US');
    put('numberingSystem', 'latn');
    put('style', s.style);
    if (s.style === 'currency') {
      put('currency', s.currency);
      put('currencyDisplay', s.currencyDisplay);
      put('currencySign', 'standard');
    }
    put('minimumIntegerDigits', s.minimumIntegerDigits);
    if (s.maximumSignificantDigits !== undefined) {
      put('minimumSignificantDigits', s.minimumSignificantDigits);
      put('maximumSignificantDigits', s.maximumSignificantDigits);
    } else {
      put('minimumFractionDigits', s.minimumFractionDigits);
      put('maximumFractionDigits', s.maximumFractionDigits);
    }
    put('useGrouping', s.useGrouping ? 'auto' : false);
    put('notation', 'standard');
    put('signDisplay', 'auto');
    put('roundingMode', 'halfExpand');
    put('roundingIncrement', 1);
    put('trailingZeroDisplay', 'auto');
    put('roundingPriority', 'auto');
    return out;
  });

  reorderProperties(NFP, ['constructor', 'resolvedOptions', 'formatToParts', 'format']);

  const DTFP = makeClass('DateTimeFormat', (vm, o, locales, options) => {
    o.dtf = dateTimeFormatOptions(vm, locales, options, 'any', 'date');
  });
  const timeOf = (vm: VM, v: Value): number => {
    if (v === undefined) return vm.clock();
    if (v instanceof JSObject && v.cls === 9 /* Cls.Date */) return (v as unknown as { time: number }).time;
    const n = toNumber(vm, v);
    if (!Number.isFinite(n) || Math.abs(n) > 8.64e15) return NaN;
    return Math.trunc(n) + 0;
  };
  const dtfFormat = r.fn('Intl.DateTimeFormat.format', '', 1, (vm, _t, a, _nt, self) => {
    const o = (self.data as IntlObject | null) ?? null;
    if (!o || !o.dtf) throw new GuestError('TypeError', 'Method format called on incompatible receiver');
    return formatDateTime(timeOf(vm, a[0]), o.dtf);
  });
  r.getter(DTFP, 'format', (vm, t) => {
    const o = thisIntl(vm, t, 'dtf', 'get Intl.DateTimeFormat.prototype.format');
    if (!o.boundFormat) o.boundFormat = boundFormatter(vm, dtfFormat, o);
    return o.boundFormat;
  });
  r.method(DTFP, 'resolvedOptions', 0, (vm, t) => {
    const s = thisIntl(vm, t, 'dtf', 'Intl.DateTimeFormat.prototype.resolvedOptions').dtf!;
    const out = vm.newObject();
    const put = (k: string, v: Value) => vm.defineData(out, k, v);
    put('locale', 'en-US');
    put('calendar', 'gregory');
    put('numberingSystem', 'latn');
    put('timeZone', 'UTC');
    if (s.hour || s.timeStyle) {
      put('hourCycle', s.hour12 ? 'h12' : 'h23');
      put('hour12', s.hour12);
    }
    for (const k of ['weekday', 'year', 'month', 'day', 'hour', 'minute', 'second', 'fractionalSecondDigits', 'timeZoneName', 'dateStyle', 'timeStyle'] as const) {
      const v = s[k];
      if (v !== undefined) put(k, k === 'minute' || k === 'second' ? (s.hour ? '2-digit' : v) : v);
    }
    return out;
  });
  reorderProperties(DTFP, ['constructor', 'resolvedOptions', 'format']);
});

/** A per-instance bound `format` function (the spec's bound format getter result). */
function boundFormatter(vm: VM, target: NativeFunction, o: IntlObject): JSObject {
  const proto = vm.realm.FunctionPrototype;
  // a fresh native function object sharing the implementation, with the instance as data
  const b = new NativeFunction(proto, target.nativeId, o, false);
  b.shape = vm.realm.functionShape(proto);
  b.pushSlot(1);
  b.pushSlot('');
  vm.charge(64);
  return b;
}
