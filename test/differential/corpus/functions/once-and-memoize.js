function once(fn) {
  let done = false;
  let result;
  return (...args) => {
    if (!done) {
      done = true;
      result = fn(...args);
    }
    return result;
  };
}
let calls = 0;
const init = once((x) => { calls++; return x * 10; });
const memoize = (fn) => {
  const cache = {};
  return (n) => (n in cache ? cache[n] : (cache[n] = fn(n)));
};
let computed = 0;
const square = memoize((n) => { computed++; return n * n; });
[init(1), init(2), calls, square(4), square(4), square(5), computed]
