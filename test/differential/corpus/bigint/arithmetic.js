const a = 12345678901234567890n;
const b = 987654321n;
[
  a + b, a - b, a * b, a / b, a % b, -a, a ** 3n, 2n ** 100n, -7n / 2n, -7n % 2n, 7n % -2n,
  0n === -0n, typeof a, String(a * a), (-(2n ** 64n)).toString(), 10n / 3n * 3n + 10n % 3n,
]
