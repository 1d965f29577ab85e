function gcd(a, b) {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}
const lcm = (a, b) => (a / gcd(a, b)) * b;
function primesUpTo(n) {
  const sieve = new Array(n + 1).fill(true);
  sieve[0] = sieve[1] = false;
  for (let i = 2; i * i <= n; i++) if (sieve[i]) for (let j = i * i; j <= n; j += i) sieve[j] = false;
  return sieve.reduce((acc, isP, i) => (isP ? [...acc, i] : acc), []);
}
[gcd(48, 18), gcd(-12, 8), lcm(4, 6), primesUpTo(50)]
