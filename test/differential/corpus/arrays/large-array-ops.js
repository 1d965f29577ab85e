const n = 500;
const arr = Array.from({ length: n }, (_, i) => (i * 7919) % n);
const sorted = arr.toSorted((a, b) => a - b);
const isPerm = sorted.every((v, i) => v === i);
const evens = arr.filter((x) => x % 2 === 0).length;
const sum = arr.reduce((a, b) => a + b, 0);
const maxIdx = arr.indexOf(n - 1);
[isPerm, evens, sum, maxIdx, arr.slice(0, 5), sorted.slice(-3)]
