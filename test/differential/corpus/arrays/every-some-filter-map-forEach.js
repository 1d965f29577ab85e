const nums = [2, 4, 6, 7];
const visited = [];
const everyEven = nums.every((n) => { visited.push(n); return n % 2 === 0; });
const someOdd = nums.some((n) => n % 2 === 1);
const emptyEvery = [].every(() => false);
const emptySome = [].some(() => true);
const filtered = nums.filter((n, i) => i % 2 === 0);
const mapped = nums.map((n) => n / 2);
const sparseMapped = [1, , 3].map((x) => x * 2);
let count = 0;
[1, , 3].forEach(() => count++);
const forEachReturn = nums.forEach((x) => x);
[everyEven, visited, someOdd, emptyEvery, emptySome, filtered, mapped, sparseMapped, 1 in sparseMapped, count, forEachReturn]
