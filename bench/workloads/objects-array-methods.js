// Object allocation + callback array methods: 100k { id, score } objects built with push,
// then filter / map (allocating new objects) / reduce. Measures object-literal allocation,
// property access and calls from built-ins back into guest callbacks.
let seed = 42;
function next() {
  // MINSTD LCG: exact in doubles (48271 * 2^31 < 2^53)
  seed = (seed * 48271) % 2147483647;
  return seed;
}
const items = [];
for (let i = 0; i < 100000; i++) {
  items.push({ id: i, score: next() % 1000 });
}
const high = items.filter((o) => o.score >= 500);
const doubled = high.map((o) => ({ id: o.id, score: o.score * 2 }));
const total = doubled.reduce((acc, o) => acc + o.score, 0);
({ count: high.length, total, firstId: doubled[0].id, lastId: doubled[doubled.length - 1].id });
