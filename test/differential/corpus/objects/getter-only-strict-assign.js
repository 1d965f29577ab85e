const o = { get ro() { return 1; } };
const r = [];
try {
  o.ro = 2;
} catch (e) {
  r.push(e.name);
}
const frozen = Object.freeze({ a: 1, inner: { b: 2 } });
try { frozen.a = 5; } catch (e) { r.push(e.name); }
try { frozen.newProp = 5; } catch (e) { r.push(e.name); }
frozen.inner.b = 3;
r.push(o.ro, frozen.a, frozen.inner.b, Object.isFrozen(frozen), Object.isFrozen(frozen.inner));
r
