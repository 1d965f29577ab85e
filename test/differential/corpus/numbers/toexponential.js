const values = [0, 1, 123456, 0.000123, -1.5, 1e21, 5e-324, 1.7976931348623157e308, 12.5];
const r = values.map((v) => [v.toExponential(), v.toExponential(0), v.toExponential(3)]);
r.push(NaN.toExponential(2), Infinity.toExponential());
try { (1).toExponential(-1); } catch (e) { r.push(e.name); }
r
