const bad = {
  [Symbol.iterator]() {
    return { next: () => 42 };
  },
};
const noNext = { [Symbol.iterator]() { return {}; } };
const notCallable = { [Symbol.iterator]: 5 };
const r = [];
for (const src of [bad, noNext, notCallable]) {
  try {
    for (const x of src) r.push(x);
  } catch (e) {
    r.push(e.name);
  }
}
r
