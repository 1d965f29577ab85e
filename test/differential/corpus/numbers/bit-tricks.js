const isPow2 = (n) => n > 0 && (n & (n - 1)) === 0;
const nextPow2 = (n) => 2 ** Math.ceil(Math.log2(n));
const swapBits = (a, b) => { a ^= b; b ^= a; a ^= b; return [a, b]; };
const toUint8 = (n) => n & 0xff;
const signExtend8 = (n) => (n << 24) >> 24;
[
  [1, 2, 3, 64, 96, 0].map(isPow2), [5, 17, 64].map(nextPow2), swapBits(7, 12), toUint8(300), toUint8(-1),
  signExtend8(0xff), signExtend8(0x7f), (-1 >>> 0).toString(2).length, ~~(2 ** 31 + 5), (5).toString(2).padStart(8, '0'),
]
