const obj = { a: 1, u: undefined };
const arr = ['x', , 'z'];
const child = Object.create({ inherited: true });
const r = ['a' in obj, 'u' in obj, 'b' in obj, 0 in arr, 1 in arr, 2 in arr, 3 in arr, 'length' in arr,
  'inherited' in child, 'toString' in obj, Symbol.iterator in arr, '0' in 'abc'.split('')];
try { 'x' in 'string'; } catch (e) { r.push(e.name); }
try { 'x' in null; } catch (e) { r.push(e.name); }
r
