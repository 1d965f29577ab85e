const cache = new Map();
let computeCount = 0;
function expensive(n) {
  if (cache.has(n)) return cache.get(n);
  computeCount++;
  const result = Array.from({ length: n }, (_, i) => i + 1).reduce((a, b) => a * b, 1);
  cache.set(n, result);
  if (cache.size > 3) cache.delete(cache.keys().next().value);
  return result;
}
const results = [5, 6, 5, 7, 8, 5, 6].map(expensive);
[results, computeCount, [...cache.keys()]]
