const values = [123.456, 0.00012345, 1e21, 123456789, 1.5, -0.5, 0, 99.99, 1e-7];
const r = values.map((v) => [v.toPrecision(1), v.toPrecision(3), v.toPrecision(8)]);
r.push((5).toPrecision(), NaN.toPrecision(2), (-Infinity).toPrecision(3));
try { (1).toPrecision(0); } catch (e) { r.push(e.name); }
try { (1).toPrecision(101); } catch (e) { r.push(e.name); }
r
