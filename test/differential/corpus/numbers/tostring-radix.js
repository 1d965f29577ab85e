const r = [
  (255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (0.1).toString(3),
  (3.75).toString(8), (1e21).toString(36), (2 ** 53).toString(32), (-0).toString(2), NaN.toString(16),
  (123.456).toString(36), Infinity.toString(2), (35).toString(36), (0.000001).toString(7),
];
for (const bad of [1, 37, 0]) {
  try { (10).toString(bad); } catch (e) { r.push(e.name); }
}
r
