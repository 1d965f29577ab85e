const events = [
  { name: 'c', at: '2024-03-01T09:00:00Z' },
  { name: 'a', at: '2023-12-31T23:59:59Z' },
  { name: 'b', at: '2024-02-29T12:00:00Z' },
];
const sorted = events.map((e) => ({ ...e, t: new Date(e.at) })).sort((x, y) => x.t - y.t).map((e) => e.name);
const a = new Date(0), b = new Date(0);
[sorted, a == b, a === b, a.getTime() === b.getTime(), a <= b, a < new Date(1), new Date(5) - new Date(2), typeof (new Date(5) - new Date(2))]
