/**
 * Number, Boolean and the en-US number formatting (toLocaleString, Intl.NumberFormat subset):
 * a differential table against V8, results and error messages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, describeOutcome, runInCore, runInV8 } from '../../differential/harness';
import { runSync } from '../../../core/index';

const CASES: Record<string, string[]> = {
  'Number()': [
    '[Number(), Number(undefined), Number(null), Number(true), Number(false), Number(""), Number(" 12 "), Number("0x10"), Number("0b11"), Number("0o17"), Number("-0x10"), Number("1_000"), Number("1e3"), Number(".5"), Number("5."), Number("+-1"), Number("Infinity"), Number("-Infinity"), Number("infinity")]',
    'Object.is(Number("-0"), -0)',
    '[Number(10n), Number(-(2n ** 64n)), Number(2n ** 1024n), Number(123456789012345678901234567890n)]',
    'Number(Symbol())',
    'Number({ valueOf() { return "7"; } })',
    'Number({ toString() { return "8"; } })',
    'Number({ [Symbol.toPrimitive](h) { return h === "number" ? 9 : 0; } })',
    'Number({})',
    'Number([])',
    'Number([5])',
    'Number([1, 2])',
    'Number(new Date(5))',
    'Number({ valueOf() { return {}; }, toString() { return {}; } })',
    'Number(Object(3n))',
    'const n = new Number(5); [typeof n, n + 1, n.valueOf(), n instanceof Number, Object.prototype.toString.call(n), n == 5, n === 5]',
    'new Number({ valueOf() { return 4; } }).valueOf()',
    'class N extends Number { double() { return this * 2; } } const n = new N(21); [n.double(), n instanceof Number, n.toFixed(1)]',
    '[Number.length, Number.name, typeof Number.prototype, Number.prototype.valueOf(), Object.prototype.toString.call(Number.prototype)]',
    'Object.getOwnPropertyNames(Number).sort()',
    'Object.getOwnPropertyNames(Number.prototype).sort()',
    '[Number.parseInt === parseInt, Number.parseFloat === parseFloat]',
    '[Number.EPSILON, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]',
    'Object.getOwnPropertyDescriptor(Number, "EPSILON")',
    'Object.getOwnPropertyDescriptor(Number, "MAX_VALUE").writable',
  ],
  statics: [
    '[1, 1.5, -0, NaN, Infinity, "1", null, 2 ** 53, 2 ** 53 + 2, -(2 ** 53 - 1), 1e300, true, undefined].map((v) => [Number.isFinite(v), Number.isInteger(v), Number.isNaN(v), Number.isSafeInteger(v)])',
    '[Number.isInteger(5.0), Number.isInteger(new Number(5)), Number.isNaN("NaN"), isNaN("NaN"), Number.isFinite("5"), isFinite("5")]',
    '[Number.parseInt("08"), Number.parseInt("0x1f"), Number.parseInt("z", 36), Number.parseFloat("3.14abc"), Number.parseFloat(".5e1")]',
    '[Number.isInteger.length, Number.isSafeInteger.length, Number.isFinite.name]',
  ],
  toString: [
    '[255, -255, 0, -0, 0.5, 1e21, 1e-7, NaN, Infinity, -Infinity, 2 ** 53].map((x) => [x.toString(), x.toString(2), x.toString(16), x.toString(36)])',
    '[(0.1).toString(3), (3.6).toString(2), (1 / 3).toString(5), (255.5).toString(16), (-0.000001).toString(36), (1e300).toString(7), (123.456).toString(36)]',
    '(5e-324).toString(2).length',
    '(255).toString(undefined)',
    '(255).toString("16")',
    '(255).toString({ valueOf() { return 2; } })',
    '(255).toString(1)',
    '(255).toString(37)',
    '(255).toString(NaN)',
    '(255).toString(Infinity)',
    '(255).toString(10.9)',
    'Number.prototype.toString.call("1")',
    'Number.prototype.toString.call(new Number(9), 2)',
    'Number.prototype.toString.call(null)',
    '[(1e21).toString(), (123e-20).toString(), (-1e-7).toString(), (0.000001).toString(), (100).toString(), String(1.1), String(0.30000000000000004), String(1 / 7)]',
  ],
  toFixed: [
    '[0, 1, 1.45, 1.55, 2.5, -2.5, 123.456, 0.000001, 1e21, -1e-10, -0, 0.5, 1.5, 9.995, 1.005, 1.0049999999999999].map((x) => [x.toFixed(), x.toFixed(2)])',
    '(1).toFixed(100)',
    '(12345.6789).toFixed(20)',
    '(0.1).toFixed(25)',
    '[NaN.toFixed(2), Infinity.toFixed(1), (-Infinity).toFixed(0)]',
    '(1).toFixed(101)',
    '(1).toFixed(-1)',
    '(1).toFixed(Infinity)',
    'NaN.toFixed(101)',
    '(1.5).toFixed("1")',
    '(1.5).toFixed(null)',
    '(1.5).toFixed(NaN)',
    '(1.25).toFixed({ valueOf() { return 1; } })',
    'Number.prototype.toFixed.call("x")',
    '(1e21 + 1).toFixed(2)',
    '(-1.5e-7).toFixed(8)',
  ],
  toPrecision: [
    '[123.456, 0.00012345, 1e21, 123456789, 1.5, -0.5, 0, 99.99, 1e-7, 5e-324, 1.7976931348623157e308].map((x) => [x.toPrecision(1), x.toPrecision(3), x.toPrecision(8)])',
    '(5).toPrecision()',
    '(5).toPrecision(undefined)',
    '(1).toPrecision(100)',
    '(1).toPrecision(0)',
    '(1).toPrecision(101)',
    'NaN.toPrecision(0)',
    '(-Infinity).toPrecision(200)',
    '(123.456).toPrecision("2")',
    'Number.prototype.toPrecision.call(true, 2)',
  ],
  toExponential: [
    '[0, 1, 123456, 0.000123, -1.5, 1e21, 5e-324, 1.7976931348623157e308, 12.5, -0].map((x) => [x.toExponential(), x.toExponential(0), x.toExponential(3)])',
    '[NaN.toExponential(2), Infinity.toExponential(), (-Infinity).toExponential(200)]',
    '(1).toExponential(-1)',
    '(1).toExponential(101)',
    '(1).toExponential(100)',
    '(1.5).toExponential(undefined)',
    '(1.5).toExponential(null)',
    '(123.456).toExponential(1.9)',
  ],
  'toLocaleString and Intl.NumberFormat': [
    '[1234.5678, 1e21, -0, NaN, Infinity, -Infinity, 0.0001234, 1e-7, 123456789, -1234.5, 0, 999.9995, 1.005, 0.125, 2.5, -2.5].map((x) => x.toLocaleString())',
    '[(1234.5).toLocaleString("en-US"), (1234.5).toLocaleString("en"), (1234.5).toLocaleString(["en-US", "de"]), (1234.5).toLocaleString([]), (1234.5).toLocaleString(undefined, undefined)]',
    '[(1.005).toLocaleString(undefined, { maximumFractionDigits: 2 }), (2.5).toLocaleString("en-US", { maximumFractionDigits: 0 }), (3.5).toLocaleString("en-US", { maximumFractionDigits: 0 }), (-2.5).toLocaleString("en-US", { maximumFractionDigits: 0 }), (99.995).toLocaleString("en-US", { maximumFractionDigits: 2 })]',
    '[(1234.5).toLocaleString("en-US", { style: "currency", currency: "USD" }), (-1234.5).toLocaleString("en-US", { style: "currency", currency: "GBP" }), (1234.5).toLocaleString("en-US", { style: "currency", currency: "EUR" }), (1234.5).toLocaleString("en-US", { style: "currency", currency: "JPY" }), (1234.5).toLocaleString("en-US", { style: "currency", currency: "usd" }), (1234.5).toLocaleString("en-US", { style: "currency", currency: "USD", currencyDisplay: "code" }), (1234.5).toLocaleString("en-US", { style: "currency", currency: "CHF" })]',
    '[(0.256).toLocaleString("en-US", { style: "percent" }), (0.5).toLocaleString("en-US", { style: "percent", minimumFractionDigits: 1 }), (-0.0001).toLocaleString("en-US", { style: "percent" }), (12.345).toLocaleString("en-US", { style: "percent", maximumFractionDigits: 2 })]',
    '[(1.23456).toLocaleString("en-US", { minimumFractionDigits: 5 }), (1.23456).toLocaleString("en-US", { maximumFractionDigits: 1 }), (12345.678).toLocaleString("en-US", { useGrouping: false }), (5).toLocaleString("en-US", { minimumIntegerDigits: 3 }), (12).toLocaleString(undefined, { minimumFractionDigits: 2 })]',
    '[(1e-7).toLocaleString("en-US", { maximumSignificantDigits: 3 }), (123456).toLocaleString("en-US", { maximumSignificantDigits: 2 }), (1.5).toLocaleString("en-US", { minimumSignificantDigits: 3 }), (0).toLocaleString("en-US", { minimumSignificantDigits: 3 }), (99.99).toLocaleString("en-US", { maximumSignificantDigits: 2 }), (0.000123456).toLocaleString("en-US", { minimumSignificantDigits: 2, maximumSignificantDigits: 4 })]',
    '(1).toLocaleString("en-US", { style: "currency" })',
    '(1).toLocaleString("en-US", { maximumFractionDigits: 200 })',
    '(1).toLocaleString("en-US", { minimumFractionDigits: 3, maximumFractionDigits: 1 })',
    '(1).toLocaleString("en-US", { style: "bogus" })',
    '(1).toLocaleString("en-US", { style: "currency", currency: "US" })',
    '(1).toLocaleString("!!")',
    '(1).toLocaleString("en-US", null)',
    '(1n).toLocaleString("en-US", null)',
    'new Intl.NumberFormat("en", null)',
    'new Date(0).toLocaleString("en", null)',
    '(1).toLocaleString(null)',
    '(1).toLocaleString(5)',
    '(1).toLocaleString([5])',
    '(123456789n).toLocaleString()',
    '[(-1234567n).toLocaleString("en-US"), (0n).toLocaleString(), (10n ** 25n).toLocaleString()]',
    '(12345n).toLocaleString("en-US", { style: "currency", currency: "USD" })',
    'const f = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }); [f.format(1234.5), f.format(-0.005), f.format(1e9), f.format("12.3"), f.format(5n)]',
    'const f = new Intl.NumberFormat(); [f.format(1234.5678), f.format(), Intl.NumberFormat("en-US").format(7)]',
    'const f = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }); [1, 2.25, 3.75].map(f.format)',
    'new Intl.NumberFormat("en-US").resolvedOptions()',
    'new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).resolvedOptions()',
    'new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).formatToParts(-1234.5)',
    'new Intl.NumberFormat("en-US", { style: "percent" }).formatToParts(0.25)',
    '[typeof Intl, Object.prototype.toString.call(Intl), typeof Intl.NumberFormat, Object.prototype.toString.call(new Intl.NumberFormat())]',
    'Intl.NumberFormat.supportedLocalesOf(["en-US"])',
    'const d = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }); d.format(new Date(Date.UTC(2024, 1, 29)))',
    'new Intl.DateTimeFormat("en-US", { timeZone: "UTC" }).format(0)',
    'new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(86400000 * 400 + 3600000 * 15)',
  ],
  Boolean: [
    '[Boolean(), Boolean(0), Boolean(-0), Boolean(NaN), Boolean(""), Boolean(null), Boolean(undefined), Boolean(0n), Boolean("0"), Boolean(" "), Boolean([]), Boolean({}), Boolean(Symbol()), Boolean(1n), Boolean(new Boolean(false))]',
    'const b = new Boolean(false); [typeof b, !!b, b.valueOf(), b.toString(), String(b), b == false, b === false, Object.prototype.toString.call(b)]',
    '[true.toString(), false.toString(), true.valueOf(), Boolean.prototype.valueOf(), Boolean.prototype.toString(), Object.prototype.toString.call(Boolean.prototype)]',
    'Boolean.prototype.toString.call(1)',
    'Boolean.prototype.valueOf.call("true")',
    'Boolean.prototype.valueOf.call(new Boolean(true))',
    '[Boolean.length, Boolean.name, Object.getOwnPropertyNames(Boolean.prototype).sort()]',
    'class B extends Boolean {} const b = new B(1); [b.valueOf(), b instanceof Boolean, b instanceof B]',
    '[true + 1, true + "", `${false}`, +true, -false, true * 3, [true, false].map(Number), [1, 0, "", "x"].filter(Boolean)]',
  ],
};

describe('Number/Boolean differential table vs V8', () => {
  beforeAll(async () => {
    await runInCore('0');
  }, 60_000);
  let count = 0;
  for (const [group, list] of Object.entries(CASES)) {
    describe(group, () => {
      for (const src of list) {
        count++;
        it(src.length > 120 ? src.slice(0, 117) + '...' : src, async () => {
          const ours = await runInCore(src);
          const theirs = await runInV8(src);
          const c = compare(theirs, ours, { compareMessages: true });
          expect(c.equal, `V8:   ${describeOutcome(theirs)}\ncore: ${describeOutcome(ours)}\n${c.differences.join('\n')}`).toBe(true);
        }, 30_000);
      }
    });
  }
  it('has at least 100 cases', () => {
    expect(count).toBeGreaterThanOrEqual(100);
  });
});

describe('Intl subset boundaries', () => {
  it('refuses locales and options outside the en-US subset instead of formatting differently', () => {
    expect(() => runSync('(1234.5).toLocaleString("de-DE")')).toThrow(/only the en-US locale/);
    expect(() => runSync('new Intl.NumberFormat("fr")')).toThrow(/only the en-US locale/);
    expect(() => runSync('(1).toLocaleString("en-US", { notation: "compact" })')).toThrow(/does not support/);
    expect(() => runSync('(1).toLocaleString("en-US", { style: "unit", unit: "meter" })')).toThrow(/does not support/);
    expect(() => runSync('new Date(0).toLocaleString("en-US", { timeZone: "Asia/Tokyo" })')).toThrow(/only UTC/);
  });
});
