const data = { id: 7, password: 'secret', nested: { password: 'x', keep: true }, list: [1, 2, 3], when: new Date(0) };
const calls = [];
const out = JSON.stringify(data, function (key, value) {
  calls.push([key, typeof value, Array.isArray(this) ? 'array-holder' : typeof this]);
  if (key === 'password') return undefined;
  if (typeof value === 'number') return value * 10;
  return value;
});
const wrapped = JSON.stringify(5, (k, v) => (k === '' ? { wrapped: v } : v));
[out, calls, wrapped]
