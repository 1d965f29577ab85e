// radix conversion and string forms of BigInt
[
  (255n).toString(16), (255n).toString(2), (-255n).toString(36), (2n ** 70n).toString(32), 0n.toString(), (-0n).toString(),
  BigInt(2 ** 53).toString(), typeof (123n).toString, `${10n}`, String(-5n), 5n + '', JSON.stringify({ s: String(7n) }),
]
