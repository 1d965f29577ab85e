const values = [0, 1.005, 1.45, 1.55, 2.5, -2.5, 123.456, 0.000001, 1e21, -0, -1.5e-10, 1e-7, 9.995, 99.995, 0.5, 1.5];
const r = values.map((v) => [v.toFixed(0), v.toFixed(2)]);
r.push((1.23).toFixed(), (12345.6789).toFixed(20), NaN.toFixed(2), Infinity.toFixed(1));
try { (1).toFixed(101); } catch (e) { r.push(e.name); }
r
