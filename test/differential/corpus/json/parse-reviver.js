const text = '{"name":"x","created":"2024-02-29T12:00:00.000Z","nums":[1,2,3],"nested":{"skip":true,"n":5}}';
const order = [];
const parsed = JSON.parse(text, function (key, value) {
  order.push(key);
  if (key === 'created') return new Date(value).getTime();
  if (key === 'skip') return undefined;
  if (typeof value === 'number') return value * 2;
  return value;
});
const arrayReviver = JSON.parse('[1,[2,3]]', (k, v) => (Array.isArray(v) ? v.length : v));
[parsed, order, arrayReviver]
