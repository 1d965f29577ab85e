const roundTo = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
const vals = [1.005, 2.675, -1.5, -2.5, 0.5, 1.49999, 1234.5678];
[
  vals.map((v) => roundTo(v, 2)),
  vals.map(Math.round), vals.map(Math.floor), vals.map(Math.ceil), vals.map(Math.trunc),
  vals.map((v) => Number(v.toFixed(1))),
]
