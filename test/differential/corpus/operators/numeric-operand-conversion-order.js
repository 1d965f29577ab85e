// diff: compare-messages
// Arithmetic and bitwise operators convert the left operand to a number before they convert
// the right one (a Symbol on the left throws first); relational and + operators take both
// primitives first.
const log = [];
const o = (tag, v) => ({ valueOf() { log.push(tag); return v; } });
const out = [];
for (const f of [
  () => o('sub-a', Symbol()) - o('sub-b', 1),
  () => Symbol() * o('mul-b', 1),
  () => Symbol() % Object.create(null),
  () => Symbol() >>> Object.create(null),
  () => o('lt-a', Symbol()) < o('lt-b', 1),
  () => o('add-a', Symbol()) + o('add-b', 1),
  () => 1n - o('big-b', Symbol()),
  () => 2n ** o('pow-b', 3n),
  () => o('and-a', 6) & o('and-b', 3),
]) {
  try {
    out.push(String(f()));
  } catch (e) {
    out.push(`${e.name}: ${e.message}`);
  }
}
({ out, log });
