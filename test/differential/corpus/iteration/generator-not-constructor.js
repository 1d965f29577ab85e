function* gen() { yield 1; }
const r = [];
try {
  new gen();
} catch (e) {
  r.push(e.name);
}
const g = gen();
r.push(g[Symbol.iterator]() === g, typeof g.next, Object.prototype.toString.call(g));
r
