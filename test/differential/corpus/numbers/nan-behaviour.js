const n = NaN;
[
  n === n, n !== n, Object.is(n, NaN), [n].includes(NaN), [n].indexOf(NaN), Number.isNaN('x'), isNaN('x'),
  Math.max(1, NaN), Math.min(NaN), n > 0 || n <= 0, typeof n, n ** 0, 0 * Infinity, Infinity - Infinity, Infinity / Infinity,
  Math.sqrt(-1), parseInt('x') || 'fallback', n ?? 'not nullish', [NaN, 1].sort(), new Map([[NaN, 'nan']]).get(0 / 0),
]
