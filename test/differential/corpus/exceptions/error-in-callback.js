function safeMap(arr, fn) {
  const out = [];
  const errors = [];
  arr.forEach((x, i) => {
    try {
      out.push(fn(x));
    } catch (err) {
      errors.push({ index: i, name: err.name, message: err.message });
    }
  });
  return { out, errors };
}
safeMap([1, 0, 4, -1], (x) => {
  if (x === 0) throw new RangeError('zero');
  if (x < 0) throw new TypeError('negative');
  return 12 / x;
})
