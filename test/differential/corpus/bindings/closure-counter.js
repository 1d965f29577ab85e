function makeCounter(start = 0) {
  let count = start;
  return {
    inc: () => ++count,
    dec: () => --count,
    get value() { return count; },
  };
}
const c1 = makeCounter();
const c2 = makeCounter(100);
c1.inc(); c1.inc(); c2.dec();
[c1.value, c2.value, c1.inc(), c2.inc()]
