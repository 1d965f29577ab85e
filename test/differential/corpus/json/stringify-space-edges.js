// diff: compare-messages
// JSON.stringify's space argument at its edges: V8 writes newlines for any positive number,
// also one below 1 whose gap is empty; a string is cut to 10 characters, then at its first NUL
// (still with newlines); boxed values unwrap.
const v = { a: [1, { b: 2 }, []], c: {} };
const out = [];
for (const space of [0.5, 0.999, 1, 1.5, 0, -0.5, -1, NaN, Infinity, 11, '', ' ', '\t', 'xxxxxxxxxxxx', new Number(0.5), new String(''), true, null, '\0', 'a\0b', '\0xyz', 'xy\0z'.repeat(5), new String('a\0b'), 'abcdefghij\0k']) {
  out.push(JSON.stringify(v, null, space));
  out.push(JSON.stringify(v, (k, x) => x, space));
  out.push(JSON.stringify(v, ['a', 'b', 'c'], space));
}
out
