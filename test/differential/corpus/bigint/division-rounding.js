const cases = [[7n, 2n], [-7n, 2n], [7n, -2n], [-7n, -2n], [1n, 3n], [-1n, 3n], [0n, 5n]];
cases.map(([a, b]) => ({
  q: a / b,
  r: a % b,
  check: (a / b) * b + (a % b) === a,
}))
