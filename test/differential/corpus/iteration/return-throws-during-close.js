const r = [];
const iterable = {
  [Symbol.iterator]() {
    return {
      next: () => ({ value: 1, done: false }),
      return: () => { throw new Error('from return'); },
    };
  },
};
try {
  for (const x of iterable) break;
} catch (e) {
  r.push('break path: ' + e.message);
}
try {
  for (const x of iterable) throw new Error('body error');
} catch (e) {
  r.push('throw path: ' + e.message);
}
r
