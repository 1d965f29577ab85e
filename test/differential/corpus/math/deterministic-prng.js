function mulberry32(seed) {
  return function () {
    let t = (seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(42);
const samples = Array.from({ length: 5 }, () => rand());
const dice = Array.from({ length: 10 }, () => 1 + Math.floor(rand() * 6));
[samples, dice]
