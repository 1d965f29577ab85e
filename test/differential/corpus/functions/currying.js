function curry(fn) {
  return function curried(...args) {
    if (args.length >= fn.length) return fn.apply(this, args);
    return (...more) => curried.apply(this, args.concat(more));
  };
}
const volume = curry((l, w, h) => l * w * h);
[volume(2)(3)(4), volume(2, 3)(4), volume(2)(3, 4), volume(2, 3, 4)]
