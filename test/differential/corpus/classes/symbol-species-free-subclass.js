class Vector extends Array {
  sum() { return this.reduce((a, b) => a + b, 0); }
}
const v = Vector.from([1, 2, 3]);
const filtered = v.filter((x) => x > 1);
const sliced = v.slice(1);
const of = Vector.of(7, 8);
[v.sum(), filtered.sum(), sliced.sum(), of.sum(), v instanceof Vector, filtered instanceof Vector, of.length]
