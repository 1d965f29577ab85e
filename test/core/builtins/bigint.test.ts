/**
 * BigInt built-in: a differential table against V8 (results and messages), and the heap
 * budget on results that would be huge.
 */
import { describe, expect, it } from 'vitest';
import { v8Table } from './v8-table';
import { runSync } from '../../../core/index';

const CASES: Record<string, string[]> = {
  'BigInt()': [
    '[BigInt(10), BigInt(-0), BigInt("0x1f"), BigInt("  42  "), BigInt(""), BigInt(" "), BigInt(true), BigInt(false), BigInt("-123"), BigInt("0b101"), BigInt("0o17"), BigInt("+5"), BigInt(Number.MAX_SAFE_INTEGER) + 2n, BigInt(1e21), BigInt(2 ** 60)]',
    'BigInt("123456789012345678901234567890123456789")',
    'BigInt(1.5)',
    'BigInt(NaN)',
    'BigInt(Infinity)',
    'BigInt(-Infinity)',
    'BigInt(1e-7)',
    'BigInt("abc")',
    'BigInt("1n")',
    'BigInt("1.0")',
    'BigInt("1e3")',
    'BigInt("-0x10")',
    'BigInt("0x")',
    'BigInt("1_000")',
    'BigInt(undefined)',
    'BigInt()',
    'BigInt(null)',
    'BigInt(Symbol("s"))',
    'BigInt({ valueOf() { return 5; } })',
    'BigInt({ valueOf() { return "77"; } })',
    'BigInt({ valueOf() { return 5n; } })',
    'BigInt({ toString() { return "9"; }, valueOf: undefined })',
    'BigInt({})',
    'BigInt([])',
    'BigInt([7])',
    'BigInt(Object(3n))',
    'BigInt(new Number(4))',
    'new BigInt(1)',
    'class B extends BigInt {} new B(1)',
    '[BigInt.length, BigInt.name, typeof BigInt.prototype, Object.getOwnPropertyNames(BigInt).sort(), Object.getOwnPropertyNames(BigInt.prototype).sort()]',
    'Object.getOwnPropertyNames(BigInt.prototype)',
    '[BigInt.prototype[Symbol.toStringTag], Object.prototype.toString.call(1n), Object.prototype.toString.call(Object(1n))]',
  ],
  'asIntN / asUintN': [
    '[BigInt.asIntN(8, 255n), BigInt.asIntN(8, 127n), BigInt.asIntN(8, 128n), BigInt.asUintN(8, 257n), BigInt.asUintN(8, -1n), BigInt.asIntN(64, 2n ** 63n), BigInt.asUintN(64, -1n), BigInt.asIntN(1, 1n), BigInt.asUintN(0, 5n), BigInt.asIntN(0, 5n), BigInt.asIntN(32, 2n ** 32n + 5n)]',
    '[BigInt.asIntN(3, -4n), BigInt.asIntN(3, -5n), BigInt.asIntN(3, 4n), BigInt.asIntN(3, 3n), BigInt.asUintN(3, 8n), BigInt.asUintN(200, -1n) === 2n ** 200n - 1n]',
    '[BigInt.asIntN(1e9, 5n), BigInt.asIntN(1e9, -5n), BigInt.asUintN(1e9, 5n), BigInt.asIntN(2 ** 53 - 1, -1n)]',
    '[BigInt.asIntN("8", 255n), BigInt.asIntN(8.9, 255n), BigInt.asIntN(undefined, 255n), BigInt.asIntN(null, 1n), BigInt.asUintN(8, "257"), BigInt.asUintN(8, true)]',
    'BigInt.asUintN(-1, 1n)',
    'BigInt.asUintN(2 ** 53, 1n)',
    'BigInt.asIntN(Infinity, 1n)',
    'BigInt.asUintN(1, 1)',
    'BigInt.asUintN(1, undefined)',
    'BigInt.asUintN(1, "x")',
    'BigInt.asIntN(8, Symbol())',
    'BigInt.asUintN(2 ** 40, -1n)',
    'BigInt.asIntN({ valueOf() { return 4; } }, { valueOf() { return 15n; } })',
    '[BigInt.asIntN.length, BigInt.asUintN.length]',
  ],
  prototype: [
    '[(255n).toString(16), (255n).toString(2), (-255n).toString(36), (2n ** 70n).toString(32), 0n.toString(), (-0n).toString(), BigInt(2 ** 53).toString(), (10n).toString(undefined), (35n).toString(36)]',
    '(2n ** 200n).toString(7)',
    '(1n).toString(1)',
    '(1n).toString(37)',
    '(255n).toString("16")',
    'BigInt.prototype.toString.call(1)',
    'BigInt.prototype.toString.call(Object(12n), 2)',
    'BigInt.prototype.valueOf.call(Object(12n))',
    'BigInt.prototype.valueOf.call("1")',
    'BigInt.prototype.toLocaleString.call(1)',
    '[typeof (123n).toString, `${10n}`, String(-5n), 5n + "", JSON.stringify({ s: String(7n) })]',
    'const b = Object(7n); [typeof b, b + 1n, b.valueOf() === 7n, b instanceof BigInt]',
    '[(1n).toString.length, (1n).valueOf.length, (1n).toLocaleString.length]',
  ],
  'in use': [
    'let f = 1n; for (let i = 1n; i <= 30n; i++) f *= i; [f, f.toString().length, f % 1000007n]',
    'const fib = (n) => { let a = 0n, b = 1n; for (let i = 0; i < n; i++) [a, b] = [b, a + b]; return a; }; [fib(100), fib(100).toString(16)]',
    '[typeof 1n, 1n == 1, 1n === 1, 2n > 1, 1n < 1.5, 10n ** 20n, -7n / 2n, -7n % 2n, 1n << 100n, (1n << 100n) >> 98n]',
    'new Map([[1n, "big"], [1, "num"]]).get(1n)',
    'Number(2n ** 64n)',
    'parseInt("123n")',
  ],
};

v8Table('BigInt differential table vs V8', CASES, 60);

describe('BigInt budgets', () => {
  it('refuses huge results before allocating them', () => {
    expect(() => runSync('BigInt.asUintN(2 ** 30, -1n)')).toThrow(/heap budget/);
    expect(() => runSync('BigInt.asUintN(1e8, -1n)')).toThrow(/heap budget/);
    expect(() => runSync('BigInt("9".repeat(5e6))', { limits: { heapBytes: 256 * 1024 * 1024 } })).toThrow(/heap budget/);
    expect(runSync('BigInt.asUintN(64, -1n).toString(16)').value).toBe('ffffffffffffffff');
  });
});
