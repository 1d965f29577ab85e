async function risky(n) {
  if (n > 2) throw new RangeError(`too big: ${n}`);
  return n * 2;
}
const results = [];
for (const n of [1, 2, 3]) {
  try {
    results.push(await risky(n));
  } catch (e) {
    results.push(e.name);
  }
}
results
