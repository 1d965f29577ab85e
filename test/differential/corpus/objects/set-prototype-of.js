const a = { fromA() { return 'A'; } };
const b = { fromB() { return 'B'; } };
const o = { own: 1 };
Object.setPrototypeOf(o, a);
const r = [o.fromA()];
Object.setPrototypeOf(o, b);
r.push(typeof o.fromA, o.fromB());
try {
  Object.setPrototypeOf(a, o);
  Object.setPrototypeOf(b, a);
} catch (e) {
  r.push(e.name);
}
r
