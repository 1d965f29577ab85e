const log = [];
function iterable(n) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() { log.push('next'); return { value: i++, done: i > n }; },
        return() { log.push('return'); return { done: true }; },
      };
    },
  };
}
const [a, b] = iterable(5);
log.push('--');
const [c, ...rest] = iterable(3);
log.push('--');
const [d, e, f] = iterable(1);
[a, b, c, rest, d, e, f, log]
