// bitwise operators on BigInt use infinite two-complement precision
[
  5n & 3n, 5n | 3n, 5n ^ 3n, ~5n, ~-1n, 1n << 64n, -1n << 3n, 256n >> 4n, -256n >> 4n, -1n >> 100n,
  (2n ** 64n - 1n) & 0xffn, 0xdeadbeefn ^ 0xffffffffn, 1n << -1n, 8n >> -2n,
]
