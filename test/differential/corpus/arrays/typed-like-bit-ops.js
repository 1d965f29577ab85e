const bits = Array.from({ length: 8 }, (_, i) => (0b10110010 >> (7 - i)) & 1);
const toNumber = (bs) => bs.reduce((n, b) => (n << 1) | b, 0);
const popcount = (n) => { let c = 0; while (n) { c += n & 1; n >>>= 1; } return c; };
const hex = [255, 16, 0, 171].map((b) => b.toString(16).padStart(2, '0')).join('');
[bits, toNumber(bits), popcount(0b10110010), popcount(-1), hex, parseInt(hex, 16)]
