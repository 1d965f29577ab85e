// diff: compare-messages
function check(age) {
  if (typeof age !== 'number') throw new TypeError('age must be a number');
  if (age < 0) throw new RangeError('age must be non-negative');
  return age;
}
const results = [];
for (const v of [5, 'x', -1]) {
  try {
    results.push(check(v));
  } catch (e) {
    results.push(`${e.name}: ${e.message}`);
  }
}
results
