function isEven(n) {
  return n === 0 ? true : isOdd(n - 1);
}
function isOdd(n) {
  return n === 0 ? false : isEven(n - 1);
}
const results = [];
for (const n of [0, 1, 10, 37]) results.push([n, isEven(n), isOdd(n)]);
results
