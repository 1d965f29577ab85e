const range = {
  from: 1,
  to: 5,
  [Symbol.iterator]() {
    let cur = this.from;
    const last = this.to;
    return { next: () => (cur <= last ? { value: cur++, done: false } : { value: undefined, done: true }) };
  },
};
const arr = [...range];
const sum = Math.max(...range);
function count(...args) { return args.length; }
[arr, sum, count(...range, ...range), Array.from(range, (x) => x * x)]
