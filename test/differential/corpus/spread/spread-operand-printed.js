// diff: compare-messages
// An array literal's spread of a value that is not iterable: the operand as V8 prints it
// (object literals as {(intermediate value)…}, members, `new` as its constructor).
const out = [];
const o = { a: { b: 1 } };
const n = 5;
const cases = [() => [...{ length: 2, 0: 'x' }], () => [...{ a: 1 }], () => [...{}], () => [...o], () => [...o.a], () => [...n], () => [...5], () => [...[1].map], () => [...o['a']], () => [...(o.a)], () => [...null], () => [...undefined], () => [...o?.a], () => [...`t`.length], () => [...{ ['k']: 1 }], () => [...{ m() {} }], () => [...new Object()], () => [...this]];
for (const c of cases) {
  try {
    c();
  } catch (e) {
    out.push(e.message);
  }
}
out
