function greet(name = 'world', punct = '!') {
  return `hello ${name}${punct}`;
}
function lateDefault(a, b = a * 2, c = a + b) {
  return [a, b, c];
}
[greet(), greet('ann'), greet(undefined, '?'), greet(null), lateDefault(1), lateDefault(1, undefined, 0), greet.length, lateDefault.length]
