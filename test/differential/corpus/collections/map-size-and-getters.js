const m = new Map([[1, 1]]);
const r = [m.size, new Map().size, 'size' in m, Object.hasOwn(m, 'size')];
try {
  m.size = 10;
} catch (e) {
  r.push(e.name);
}
r.push(m.size);
try {
  Map.prototype.get.call(new Set(), 1);
} catch (e) {
  r.push(e.name);
}
r.push(Object.prototype.toString.call(m), String(m), `${new Set()}`);
r
