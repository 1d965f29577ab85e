const vals = [0, -0, 1.5, NaN, Infinity, 2 ** 53, 2 ** 53 - 1, -(2 ** 53 - 1), '5', 5.0, 1e300, null];
const table = vals.map((v) => [Number.isInteger(v), Number.isSafeInteger(v), Number.isFinite(v), Number.isNaN(v)]);
const globals = ['5', 'x', null, undefined, ''].map((v) => [isNaN(v), isFinite(v)]);
[
  table, globals, Number.EPSILON === 2 ** -52, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.MAX_VALUE,
  Number.MIN_VALUE, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.parseFloat === parseFloat, Number.parseInt === parseInt,
]
