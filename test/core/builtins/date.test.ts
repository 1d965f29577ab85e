/**
 * Date: a differential table against V8 running with TZ=UTC (Capsule's local time is UTC),
 * including a large table of strings for Date.parse (ISO and V8's legacy formats).
 */
import { describe, expect, it } from 'vitest';
import { v8Table, expectSameAsV8 } from './v8-table';
import { runSync } from '../../../core/index';
import { parseDate } from '../../../core/builtins/date';

const PARSE_STRINGS = [
  '2024-02-29T12:00:00Z',
  '2024-02-29T12:00:00.000+00:00',
  '2024-02-29T00:00Z',
  '1970-01-01',
  'garbage',
  '2024-02-29T24:00:00Z',
  '2024-02-29T24:00:01Z',
  '2024-02-29T12:00:00.123+01:00',
  '2024-02-29T12:00:00.5-05:30',
  '2024-02-29T12:00:00+0530',
  '2024-02-29T12:00:00.123456789Z',
  '2024-02-29T12:00:00.1Z',
  '2024-02-29T12:00:00.12Z',
  '2024-02-29T12:00',
  '2024-02-29T12',
  '2024-02-29T',
  '2024-02',
  '2024',
  '+002024-02-29T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '-000000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00.000Z',
  '-271821-04-19T23:59:59.999Z',
  '2024-13-01',
  '2024-00-10',
  '2024-02-30',
  '2024-02-32',
  '2023-02-29',
  '2024-1-2',
  '2024/01/02',
  '2024/1/2 10:20',
  '1/2/2024',
  '1/2/24',
  '1/2/99',
  '12/31/1999 23:59:59',
  'Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)',
  'Thu, 01 Jan 1970 00:00:00 GMT',
  'Thu Feb 29 2024 23:59:58 GMT+0000 (Coordinated Universal Time)',
  'Fri, 29 Feb 2024 07:08:09 GMT',
  'Jan 1 2000',
  'January 1, 2000',
  '1 January 2000',
  'December 17, 1995 03:24:00',
  '1995-12-17T03:24:00',
  'Mon, 25 Dec 1995 13:30:00 +0430',
  'Tue Mar 05 2024 10:00:00 GMT-0500',
  'Tue Mar 05 2024 10:00:00 GMT-05:00',
  'Tue Mar 05 2024 10:00:00 GMT+5',
  'Tue Mar 05 2024 10:00:00 UTC',
  'Tue Mar 05 2024 10:00:00 Z',
  'Tue Mar 05 2024 10:00:00 EST',
  'Tue Mar 05 2024 10:00:00 PDT',
  'Jan 1 1970 GMT-8',
  'Jan 1 1970 PST',
  'Jan 1 1970 UTC+1',
  'Jan 1 1970 UT',
  '12:00 2024-01-01',
  '2024-01-01 12:00',
  '2024-01-01 12:00:30.5',
  '2024-01-01 10 PM',
  '2024-01-01 10:00 PM',
  '2024-01-01 12:00 AM',
  '2024-01-01 12:00 PM',
  '2024-01-01 13:00 PM',
  'Jan 1, 2020 12:00 am',
  '10 PM 2020-01-01',
  'Sat, 01 Jan -0001 00:00:00 GMT',
  'Fri Dec 31 -0001',
  '0',
  '1',
  '12',
  '13',
  '31',
  '32',
  '49',
  '50',
  '99',
  '100',
  '1000',
  '10000',
  '0 0',
  '5 2000',
  '-1',
  '+1',
  'Jan',
  '1 Jan',
  'Jan 2000',
  'Feb 30 2020',
  'T10:00',
  '  2020-01-01  ',
  '2020-01-01 ',
  ' 2020-01-01',
  'x 2020',
  'x2020',
  '(comment) 2020 jan 5',
  '2020 jan 5 (c)',
  '2020 (nested (paren)) jan 5',
  '1 2 3',
  '1 2 3 4',
  '2020-01-01T25:00Z',
  '2020-01-01T23:60Z',
  '2020-01-01T23:59:60Z',
  'Thu Jan 01 1970 00:00:00 GMT+0100',
  '2020-06-15T10:20:30+14:00',
  '2020-06-15T10:20:30-12:00',
  '2020-06-15T10:20:30+24:00',
  'June 15 2020 10:20:30.456',
  '15 June 2020',
  '2020 June 15',
  'June 2020 15',
  'Sunday, June 15, 2020',
  'Sun Jun 15 2020',
  'jun 15 2020',
  'JUNE 15 2020',
  'Junk 15 2020',
  'Ju 15 2020',
  '2020-06-15T10:20:30.Z',
  '2020-06-15T10:20:30,5Z',
  '2020-06-15t10:20:30z',
  '20200615',
  '2020-0615',
  '2020.06.15',
  '6.15.2020',
  '15.06.2020',
  '2020-06-15 10:20 +0200',
  '2020-06-15 10:20 GMT+0200',
  '2020-06-15 10:20 GMT+02:00',
  '2020-06-15 10:20 +02:00',
  '2020-06-15 10:20:30 -1',
  '1:2:3 4/5/6',
  '12:30:45.123 1/1/2001',
  '12::30 1/1/2001',
  '12:30:45:67 1/1/2001',
  '',
  ' ',
  '-',
  'Z',
  '2020-06-15T10:20:30Z junk',
  '2020-06-15 junk',
  '123456789',
  '1234567890123',
  '2020-06-15T10:20:30.1234567890123Z',
  '\u00a02020-01-01',
  '\u20282020-01-01\u3000',
  '\u30002020-01-01\u2029',
  'Jan\u20281 2020',
  '\u180e2020-01-01',
  '\ufeff2020-01-01',
  '2020-01-01\t10:00',
  '10.5 2020-01-01',
  '10:20.5 2020-01-01',
  '10:20:30.5 2020-01-01',
  '1.2.3',
  '2020.1',
  '5. 6. 2020',
  'Jan 5. 2020',
  '2020-01-01T10:20:30.5.6Z',
  '10:20 a.m. 2020-01-01',
  '2020-01-01 10:20 p',
  '2020 1 1 1',
  '2020-01-01\u00a0',
];

const CASES: Record<string, string[]> = {
  constructor: [
    'new Date(0).toISOString()',
    'new Date(1e12).toISOString()',
    'new Date(-1).toISOString()',
    'new Date(1.9).getTime()',
    'new Date(-1.9).getTime()',
    'Object.is(new Date(-0).getTime(), 0)',
    'new Date(8.64e15).getTime()',
    'new Date(8.64e15 + 1).getTime()',
    'new Date(-8.64e15).getTime()',
    'new Date(NaN).getTime()',
    'new Date(Infinity).getTime()',
    'new Date(true).getTime()',
    'new Date(false).getTime()',
    'new Date(null).getTime()',
    'new Date(undefined).getTime()',
    'new Date("0").getTime()',
    'new Date("2024-02-29T12:00:00Z").getTime()',
    'new Date(new String("2024-02-29")).getTime()',
    'new Date({ valueOf() { return 7; } }).getTime()',
    'new Date({ toString() { return "2024-01-01"; }, valueOf: undefined }).getTime()',
    'new Date({ [Symbol.toPrimitive](h) { return h === "default" ? "1970-01-02" : 0; } }).getTime()',
    'const d = new Date(5); const c = new Date(d); [c.getTime(), c !== d]',
    'const d = new Date(5); d.valueOf = () => 99; new Date(d).getTime()',
    'new Date(2024, 1).toISOString()',
    'new Date(2024, 1, 29, 10, 20, 30, 400).getTime()',
    'new Date(99, 0).getTime()',
    'new Date(100, 0).getTime()',
    'new Date(-1, 0).getTime()',
    'new Date(2024, 0, 1, 0, 0, 0, 0.7).getTime()',
    'new Date(2024, 12, 1).toISOString()',
    'new Date(2024, -1, 1).toISOString()',
    'new Date(2024, 0, 0).toISOString()',
    'new Date(2024, 0, 1, 24).toISOString()',
    'new Date(2024, 0, 1, 0, -1).toISOString()',
    'new Date(2024, NaN).getTime()',
    'new Date(2024, 0, 1, 0, 0, 0, Infinity).getTime()',
    'new Date(1e6, 0).getTime()',
    'new Date(275760, 8, 13).getTime()',
    'new Date(275760, 8, 13, 0, 0, 0, 1).getTime()',
    'new Date("2024", "1").toISOString()',
    'new Date(Symbol())',
    'new Date(1n)',
    'new Date(2024, 1n)',
    '[typeof new Date(0), Object.prototype.toString.call(new Date(0)), new Date(0) instanceof Date]',
    '[typeof Date(), typeof Date(0), Date(0).length > 20]',
    '[typeof Date.now(), Number.isInteger(Date.now())]',
    'class D extends Date { constructor(...a) { super(...a); this.x = 1; } plus(ms) { return new D(this.getTime() + ms); } } const d = new D(1000); [d.plus(5).getTime(), d instanceof Date, d instanceof D, d.x, Object.prototype.toString.call(d)]',
    '[Date.length, Date.name, Date.UTC.length, Date.parse.length, Date.now.length]',
    'Object.getOwnPropertyNames(Date).sort()',
    'Object.getOwnPropertyNames(Date.prototype).sort()',
    'Object.getOwnPropertyNames(Date.prototype)',
    'Date.prototype.constructor === Date',
    '["setHours", "setUTCFullYear", "setMinutes", "setSeconds", "setMonth", "setDate", "setMilliseconds", "setTime", "setYear", "setUTCHours", "toJSON", "toString", "getTime"].map((m) => Date.prototype[m].length)',
    'Date.prototype[Symbol.toPrimitive].length',
    'Date.prototype[Symbol.toPrimitive].name',
    'Date.prototype.toGMTString === Date.prototype.toUTCString',
  ],
  statics: [
    'Date.UTC(2024, 1, 29)',
    'Date.UTC(1970)',
    'Date.UTC(2024)',
    'Date.UTC(99, 0)',
    'Date.UTC(-1, 0)',
    'Date.UTC()',
    'Date.UTC(2024, 11, 31, 23, 59, 59, 999)',
    'Date.UTC(2024, 0, 1, 0, 0, 0, 1.9)',
    'Date.UTC(275760, 8, 13)',
    'Date.UTC(275760, 8, 13, 0, 0, 0, 1)',
    'Date.UTC(NaN)',
    'Date.UTC(2000, 1, 29)',
    'Date.UTC("2024", "1", "2")',
    'Date.UTC({ valueOf() { return 2020; } }, 0)',
    'Date.parse()',
    'Date.parse(null)',
    'Date.parse(123)',
    'Date.parse({ toString() { return "2024-01-01"; } })',
    'Date.parse(new Date(0).toString()) === 0',
    'const d = new Date(Date.UTC(2024, 1, 29, 7, 8, 9, 10)); [Date.parse(d.toString()), Date.parse(d.toUTCString()), Date.parse(d.toISOString()), Date.parse(d.toDateString())]',
    'const out = []; for (let y = -3; y < 10003; y += 1111) { const d = new Date(Date.UTC(y, 5, 15, 10, 20, 30)); out.push([Date.parse(d.toString()), Date.parse(d.toUTCString()), Date.parse(d.toISOString())]); } out',
  ],
  getters: [
    'const d = new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 765)); [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(), d.getTime(), d.valueOf(), +d, d.getTimezoneOffset()]',
    'const d = new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 765)); [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(), d.getYear()]',
    'const d = new Date(-1); [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()]',
    'const d = new Date(-8.64e15); [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay()]',
    'const d = new Date(8.64e15); [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay()]',
    'const d = new Date(NaN); [d.getFullYear(), d.getMonth(), d.getDay(), d.getHours(), d.getTime(), d.getTimezoneOffset(), d.getYear()]',
    'const out = []; for (let t = -5e13; t < 5e13; t += 7777777777777) { const d = new Date(t); out.push([d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours()]); } out',
    'const out = []; for (let y = 1896; y <= 2104; y += 4) out.push(new Date(Date.UTC(y, 1, 29)).getUTCMonth()); out',
    'const days = (y, m) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate(); [2023, 2024, 1900, 2000, 2100].map((y) => [0, 1, 3].map((m) => days(y, m)))',
    'Date.prototype.getTime.call({})',
    'Date.prototype.getHours.call(5)',
    'Date.prototype.valueOf.call(Date.prototype)',
  ],
  setters: [
    'const d = new Date(Date.UTC(2024, 0, 31, 10, 30)); d.setUTCMonth(1); d.toISOString()',
    'const d = new Date(Date.UTC(2024, 2, 1, 10, 30)); d.setUTCDate(0); d.toISOString()',
    'const d = new Date(Date.UTC(2024, 1, 29, 23, 30)); d.setUTCHours(25); d.toISOString()',
    'const d = new Date(Date.UTC(2024, 1, 29, 1, 0)); d.setUTCMinutes(-1); d.toISOString()',
    'const d = new Date(Date.UTC(2024, 1, 29)); [d.setUTCFullYear(2023), d.toISOString()]',
    'const d = new Date(0); [d.setUTCSeconds(31, 500), d.toISOString()]',
    'const d = new Date(0); [d.setMilliseconds(1234), d.toISOString()]',
    'const d = new Date(0); [d.setHours(1, 2, 3, 4), d.toISOString()]',
    'const d = new Date(0); [d.setMinutes(61, 62, 1003), d.toISOString()]',
    'const d = new Date(0); [d.setMonth(13, 32), d.toISOString()]',
    'const d = new Date(0); [d.setFullYear(2020, 1, 30), d.toISOString()]',
    'const d = new Date(0); [d.setDate(-365), d.toISOString()]',
    'const d = new Date(0); [d.setTime(1e12), d.getTime(), d.setTime(), d.getTime()]',
    'const d = new Date(0); [d.setTime("5"), d.setTime(8.64e15 + 1), d.getTime()]',
    'const d = new Date(NaN); [d.setHours(1), d.setDate(1), d.setMonth(1), d.getTime()]',
    'const d = new Date(NaN); [d.setFullYear(2020), d.toISOString()]',
    'const d = new Date(NaN); [d.setUTCFullYear(2020, 5), d.toISOString()]',
    'const d = new Date(0); [d.setHours(), d.getTime()]',
    'const d = new Date(0); [d.setHours(undefined), d.getTime()]',
    'const d = new Date(0); [d.setHours(1, undefined), d.getTime()]',
    'const d = new Date(0); [d.setSeconds(1, 2, 3), d.getTime()]',
    'const d = new Date(0); [d.setYear(99), d.getFullYear(), d.setYear(2001), d.getFullYear(), d.setYear(NaN), d.getTime()]',
    'const d = new Date(NaN); [d.setYear(5), d.toISOString()]',
    'const d = new Date(0); const log = []; d.setHours({ valueOf() { log.push("h"); return 1; } }, { valueOf() { log.push("m"); return 2; } }); [log, d.toISOString()]',
    'const d = new Date(NaN); const log = []; const r = d.setMinutes({ valueOf() { log.push("m"); return 1; } }); [r, log]',
    'const d = new Date(0); d.setUTCFullYear(275760, 8, 14); d.getTime()',
    'Date.prototype.setTime.call({}, 1)',
    'const d = new Date(0); d.setMonth(Symbol())',
    'const d = new Date(0); [d.setDate(1.9), d.getUTCDate(), d.setDate(-0.5), d.getTime()]',
  ],
  strings: [
    'const d = new Date(Date.UTC(2024, 1, 29, 7, 8, 9, 10)); [d.toString(), d.toDateString(), d.toTimeString(), d.toUTCString(), d.toISOString(), d.toJSON(), String(d), `${d}`, d + ""]',
    '[0, -62198755200000, -62167219200000, 253402300800000, 8.64e15, -8.64e15, -1, 1e15].map((t) => { const d = new Date(t); return [String(d), d.toUTCString(), d.toDateString(), d.toTimeString(), d.toISOString()]; })',
    'const d = new Date(NaN); [String(d), d.toString(), d.toDateString(), d.toTimeString(), d.toUTCString(), d.toJSON(), d + 1]',
    'new Date(NaN).toISOString()',
    'new Date(0).toJSON("ignored")',
    'Date.prototype.toString.call({})',
    'Date.prototype.toISOString.call(1)',
    '[0, 1e12, -1e12, 1709251198765].map((t) => { const d = new Date(t); return [d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString()]; })',
    '[new Date(-62198755200000).toLocaleDateString(), new Date(-62167219200000).toLocaleString(), new Date(253402300800000).toLocaleDateString(), new Date(NaN).toLocaleString()]',
    'const d = new Date(Date.UTC(2024, 1, 29, 13, 5, 9)); [d.toLocaleString("en-US"), d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" }), d.toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric" }), d.toLocaleDateString("en-US", { month: "short", day: "numeric" }), d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit" }), d.toLocaleTimeString("en-US", { hour12: false })]',
    'const d = new Date(Date.UTC(2024, 1, 29, 0, 5, 9)); [d.toLocaleString("en-US", { timeZone: "UTC" }), d.toLocaleDateString(undefined, { dateStyle: "medium" }), d.toLocaleString("en-US", { dateStyle: "full", timeStyle: "short" }), d.toLocaleString("en-US", { dateStyle: "short" }), d.toLocaleTimeString("en-US", { timeStyle: "medium" }), d.toLocaleDateString("en-US", { month: "2-digit", day: "2-digit", year: "numeric" })]',
    'const d = new Date(Date.UTC(2024, 1, 29, 0, 5, 9)); [d.toLocaleString("en-US", { dateStyle: "long", timeStyle: "long" }), d.toLocaleString("en-US", { month: "long" }), d.toLocaleString("en-US", { year: "2-digit", month: "narrow" }), d.toLocaleString("en-US", { hour: "numeric" }), d.toLocaleString("en-US", { hour: "numeric", minute: "2-digit", second: "2-digit" })]',
    'new Date(0).toLocaleDateString("en-US", { timeStyle: "short" })',
    'new Date(0).toLocaleString("en-US", { dateStyle: "short", year: "numeric" })',
  ],
  'toPrimitive and coercion': [
    'const d = new Date(5); [d + 1, d - 1, d * 1, +d, `${d}` === String(d), d > 4, d < 6, d == 5, d === 5]',
    'const d = new Date(5); [d[Symbol.toPrimitive]("number"), d[Symbol.toPrimitive]("default") === d.toString(), d[Symbol.toPrimitive]("string") === d.toString()]',
    'new Date(0)[Symbol.toPrimitive]("x")',
    'new Date(0)[Symbol.toPrimitive]()',
    'Date.prototype[Symbol.toPrimitive].call(1, "number")',
    'Date.prototype[Symbol.toPrimitive].call({ valueOf() { return 42; } }, "number")',
    'Date.prototype[Symbol.toPrimitive].call({ toString() { return "s"; } }, "default")',
    'Date.prototype[Symbol.toPrimitive].call({ toString() { return {}; }, valueOf() { return {}; } }, "default")',
    'class D extends Date { toString() { return "custom"; } } const d = new D(0); [d + "", `${d}`, String(d), d[Symbol.toPrimitive]("default")]',
    'class D extends Date { valueOf() { return 100; } } const d = new D(0); [d + 1, d - 1, +d, d > 50, JSON.stringify(d)]',
    'const d = new Date(0); d.toString = () => "own"; [d + "", String(d)]',
    'const d = new Date(0); d.valueOf = () => 7; [d - 0, d + 0]',
    'const a = new Date(1), b = new Date(2); [a < b, b - a, [b, a].sort((x, y) => x - y).map(Number), Math.max(a, b)]',
    '[new Date(0) == new Date(0), new Date(0).getTime() === new Date(0).getTime()]',
    'const ds = ["2024-03-01", "2023-12-31", "2024-01-15"].map((s) => new Date(s)); ds.sort((a, b) => a - b).map((d) => d.toISOString().slice(0, 10))',
    'const start = new Date(Date.UTC(2024, 0, 1)); const end = new Date(Date.UTC(2025, 0, 1)); (end - start) / 86400000',
    'Object.keys(new Date(0))',
    'JSON.stringify({ d: new Date(0), n: new Date(NaN) })',
  ],
};

v8Table('Date differential table vs V8 (TZ=UTC)', CASES, 120);

describe('Date.parse strings vs V8', () => {
  for (const s of PARSE_STRINGS) {
    it(JSON.stringify(s), () => expectSameAsV8(`const s = ${JSON.stringify(s)}; [Date.parse(s), new Date(s).getTime()]`));
  }
  it('has at least 150 strings', () => {
    expect(PARSE_STRINGS.length).toBeGreaterThanOrEqual(150);
  });
});

describe('Date reads the host clock through the run options', () => {
  it('new Date(), Date.now() and Date() use options.now', () => {
    const r = runSync('[new Date().getTime(), Date.now(), Date(), new Date().getTimezoneOffset()]', { now: () => 1709251198765.9 });
    expect(r.value).toEqual([1709251198765, 1709251198765, 'Thu Feb 29 2024 23:59:58 GMT+0000 (Coordinated Universal Time)', 0]);
  });
});

describe('Date.parse agrees with V8 on generated strings', () => {
  it('matches the host (V8, TZ=UTC) on 50k token soups', () => {
    const toks = ['2020', '2024', '1', '12', '31', '99', '0', '00', '05', '123', '1234567', '0001234567', '-', '+', ':', '.', ' ', '  ', 'T', 'Z', 'z', 't', 'GMT', 'UTC', 'UT', 'PST', 'EDT', 'am', 'PM', 'Jan', 'february', 'Sept', 'Mon', 'Tuesday', '(x)', '(', ')', ',', '/', 'junk', 'A', '\u00a0', '+0100', '-05:30', '24', '60', '1970-01-01', 'T10:20', ':30', '.5', '.123456'];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const bad: string[] = [];
    for (let i = 0; i < 50000; i++) {
      const n = 1 + rnd(7);
      let s = '';
      for (let k = 0; k < n; k++) s += toks[rnd(toks.length)];
      if (!Object.is(parseDate(s), Date.parse(s))) bad.push(s);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe('Intl.DateTimeFormat subset', () => {
  it('agrees with V8 on every supported option combination and refuses the rest', () => {
    const keys: Record<string, unknown[]> = {
      weekday: [undefined, 'long', 'short', 'narrow'],
      year: [undefined, 'numeric', '2-digit'],
      month: [undefined, 'numeric', '2-digit', 'long', 'short', 'narrow'],
      day: [undefined, 'numeric', '2-digit'],
      hour: [undefined, 'numeric', '2-digit'],
      minute: [undefined, 'numeric', '2-digit'],
      second: [undefined, 'numeric', '2-digit'],
      hour12: [undefined, true, false],
    };
    let combos: Record<string, unknown>[] = [{}];
    for (const [k, vs] of Object.entries(keys)) combos = combos.flatMap((o) => vs.map((v) => (v === undefined ? { ...o } : { ...o, [k]: v })));
    for (const st of ['full', 'long', 'medium', 'short', undefined]) {
      for (const ts of ['full', 'long', 'medium', 'short', undefined]) if (st || ts) combos.push({ ...(st ? { dateStyle: st } : {}), ...(ts ? { timeStyle: ts } : {}) });
    }
    const times = [0, 1709251198765, 1709211909000, -62198755200000, 951814800000];
    const src = `const combos = ${JSON.stringify(combos)}; const times = ${JSON.stringify(times)}; combos.map((o, i) => { try { return new Intl.DateTimeFormat("en-US", o).format(times[i % 5]); } catch (e) { return "ERR " + e.message; } })`;
    const ours = runSync(src).value as string[];
    let supported = 0;
    const bad: string[] = [];
    combos.forEach((o, i) => {
      if (/does not support/.test(ours[i])) return;
      supported++;
      const host = new Intl.DateTimeFormat('en-US', { ...o, timeZone: 'UTC' }).format(times[i % 5]);
      if (host !== ours[i]) bad.push(`${JSON.stringify(o)}: ${host} vs ${ours[i]}`);
    });
    expect(bad.slice(0, 5)).toEqual([]);
    expect(supported).toBeGreaterThan(1500);
  });
});
