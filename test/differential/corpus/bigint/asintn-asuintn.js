// BigInt.asIntN / asUintN wrap to N bits
[
  BigInt.asIntN(8, 255n), BigInt.asIntN(8, 127n), BigInt.asIntN(8, 128n), BigInt.asUintN(8, 257n), BigInt.asUintN(8, -1n),
  BigInt.asIntN(64, 2n ** 63n), BigInt.asUintN(64, -1n), BigInt.asIntN(1, 1n), BigInt.asUintN(0, 5n), BigInt.asIntN(32, 2n ** 32n + 5n),
]
