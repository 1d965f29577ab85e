const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const lerp = (a, b, t) => a + (b - a) * t;
const mapRange = (x, a1, b1, a2, b2) => a2 + ((x - a1) * (b2 - a2)) / (b1 - a1);
[
  [-5, 0, 5, 10, 15].map((x) => clamp(x, 0, 10)),
  [0, 0.25, 0.5, 1].map((t) => lerp(10, 20, t)),
  mapRange(5, 0, 10, 100, 200), mapRange(0.5, 0, 1, -1, 1), clamp(NaN, 0, 1),
]
