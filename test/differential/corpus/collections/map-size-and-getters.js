const m = new Map([[1, 1]]);
const sizeDesc = Object.getOwnPropertyDescriptor(Map.prototype, 'size');
const r = [typeof sizeDesc.get, sizeDesc.set, m.size];
try {
  sizeDesc.get.call({});
} catch (e) {
  r.push(e.name);
}
try {
  Map.prototype.get.call(new Set(), 1);
} catch (e) {
  r.push(e.name);
}
r.push(Object.prototype.toString.call(m), String(m), `${new Set()}`);
r
