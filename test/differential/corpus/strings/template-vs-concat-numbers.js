// every way of converting a number to a string agrees
const values = [0.1 + 0.2, 1 / 3, 100, 1e21, 1.5e-7, -0, NaN, Infinity, 2 ** 53, 123.456e5];
values.map((v) =>
  [`${v}`, '' + v, String(v), v.toString()].every((s, _, a) => s === a[0])
    ? `${v}`
    : 'mismatch',
)
