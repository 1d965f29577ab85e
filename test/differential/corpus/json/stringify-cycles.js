const a = { name: 'a' };
a.self = a;
const b = [1];
b.push(b);
const r = [];
for (const v of [a, b]) {
  try {
    JSON.stringify(v);
  } catch (e) {
    r.push(e.name);
  }
}
const shared = { v: 1 };
r.push(JSON.stringify({ x: shared, y: shared }));
r
