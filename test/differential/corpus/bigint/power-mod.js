function modPow(base, exp, mod) {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}
const p = 2n ** 61n - 1n;
[modPow(2n, 10n, 1000n), modPow(3n, 200n, 1000000007n), modPow(7n, p - 1n, p), modPow(12345n, 0n, 7n)]
