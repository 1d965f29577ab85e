function f(a, b) {}
f.custom = 'attached';
f.counter = (f.counter || 0) + 1;
const keys = Object.keys(f);
[f.length, f.name, keys, typeof f.prototype, f.prototype.constructor === f, typeof f.call]
