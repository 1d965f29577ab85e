function collect(first, ...rest) {
  return { first, rest, isArray: Array.isArray(rest), len: rest.length };
}
const sum = (...nums) => nums.reduce((a, b) => a + b, 0);
function restLength(a, b, ...c) {}
[collect(1), collect(1, 2, 3), sum(), sum(1, 2, 3, 4), restLength.length]
