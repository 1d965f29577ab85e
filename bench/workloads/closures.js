// Closures: counter factories (objects of arrow functions sharing a captured binding) and
// compose pipelines built from curried adders/multipliers, called many times.
// Measures closure creation, captured-variable access and indirect calls.
function makeCounter(start) {
  let n = start;
  return { inc: () => ++n, add: (k) => (n += k), get: () => n };
}
function compose(fns) {
  return (x) => {
    let v = x;
    for (let i = 0; i < fns.length; i++) v = fns[i](v);
    return v;
  };
}
const add = (k) => (x) => x + k;
const mulMod = (k) => (x) => (x * k) % 1000003;
const pipeline = compose([add(3), mulMod(7), add(11), mulMod(13), add(1)]);

const counters = [];
for (let i = 0; i < 500; i++) counters.push(makeCounter(i));
for (let round = 0; round < 60; round++) {
  for (let i = 0; i < counters.length; i++) {
    counters[i].inc();
    counters[i].add(round % 3);
  }
}
let total = 0;
for (let i = 0; i < counters.length; i++) total += counters[i].get();

let acc = 0;
for (let i = 0; i < 30000; i++) acc = (acc + pipeline(i)) % 1000000007;
({ total, acc });
