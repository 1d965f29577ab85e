// Setting an array's length converts the new value with ToNumber: strings, booleans, null and
// arrays convert; a BigInt or a Symbol is a TypeError (found by the fuzzer: core used the
// host's Number(), which accepted BigInts and turned Symbols into a RangeError).
const values = [() => 2n, () => 2n ** 64n, () => Symbol('n'), () => '3', () => true, () => null, () => [2], () => '1e1', () => -1, () => 1.5];
values.map((make) => {
  const a = [1, 2, 3, 4];
  try {
    a.length = make();
    return a.length;
  } catch (e) {
    return e.name;
  }
})
