// diff: compare-messages
// A spread of a call that is not iterable: V8 names the function in an array literal and
// prints the call as f(...) in an argument list, whatever the arguments hold.
const out = [];
const f = () => 5;
const g = () => null;
const o = { m: (g) => 7, n: { k: () => null } };
const cases = [
  () => [...f()],
  () => [...f(() => 1)],
  () => [...o.m(() => 1, function () {})],
  () => [...o.n.k(1, [2, 3])],
  () => [...Object.getPrototypeOf(() => 1)],
  () => [...(f)()],
  () => [...f( )],
  () => Math.max(...f()),
  () => Math.max(...o.n.k((x) => x)),
  () => [...o.n],
  () => [...null],
  () => [1, ...f(), 2],
  () => Math.max(...g()),
  () => Math.max(...o.n.k()),
  () => Math.max(...o.m(1, (x) => x)),
  () => Math.max(...g),
  () => [...g(), ...f()],
];
for (const c of cases) {
  try {
    c();
    out.push('ok');
  } catch (e) {
    out.push(e.name + ': ' + e.message);
  }
}
out
