const n = new Number(5);
const r = [typeof n, n + 1, n == 5, n === 5, n.valueOf() === 5, Object.prototype.toString.call(n), typeof Number(5)];
r.push((5).constructor === Number, 5..toString(), 5 .toFixed(1), (5).valueOf(), 1.0.toString());
r.push(new Number(0) ? 'boxed zero is truthy' : 'falsy', Number.prototype.toFixed.call(2, 1));
r
