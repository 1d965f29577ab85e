const log = [];
function tracked(items) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() { log.push('next'); return i < items.length ? { value: items[i++], done: false } : { value: undefined, done: true }; },
        return(v) { log.push('return'); return { done: true, value: v }; },
      };
    },
  };
}
for (const x of tracked([1, 2, 3])) {
  if (x === 2) break;
}
log.push('|');
for (const x of tracked([1, 2])) {}
log.push('|');
try {
  for (const x of tracked([1, 2])) throw new Error('inside');
} catch (e) {
  log.push('caught');
}
log.push('|');
function f() { for (const x of tracked([1])) return x; }
f();
log
