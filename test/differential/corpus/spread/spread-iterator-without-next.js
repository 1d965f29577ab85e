// diff: compare-messages
// A spread whose iterator has no callable next: V8 checks next before the first step and says
// "x is not iterable" in an array literal, and names the callee ("f is not a function") when
// the spread is a call's single, last argument; any other argument list says what calling
// next says ("undefined is not a function").
const it = { [Symbol.iterator]() { return {}; } };
const it2 = { [Symbol.iterator]() { return { next: 5 }; } };
const it3 = { [Symbol.iterator]() { return { next() { return 1; } }; } };
function F() {}
const a = [];
function g() { return it; }
class A { constructor() {} }
class B extends A { constructor() { super(...it); } }
const o = { it, f() {}, g: { h() {} } };
const cases = [
  () => [...it], () => [...it2], () => [...o.it], () => [1, ...it], () => [...a, ...it], () => [...g()],
  () => F(...it), () => F(1, ...it2), () => o.f(...it), () => Math.max(...it), () => o.g.h(...it),
  () => o['f'](...it), () => (0, o.f)(...it), () => o?.f(...it), () => F.call(null, ...it),
  () => F(...g()), () => (() => 1)(...it), () => (o.f)  (1, ...it), () => F(
    ...it
  ), () => F(...it,),
  () => new F(...it), () => new F(1, ...it), () => new (o.f)(...it), () => new B(),
  () => F(...it, 1), () => F(...a, ...it), () => F(...it, ...a), () => F(1, ...it, ...a), () => F(...[...it]),
  () => [...it3], () => F(...it3), () => new Set([...it]),
];
const out = [];
for (const c of cases) {
  try {
    c();
    out.push('ok');
  } catch (e) {
    out.push(`${e.constructor.name}: ${e.message}`);
  }
}
async function later() {
  try { await F(...it); } catch (e) { out.push(`async ${e.message}`); }
  try { [...(await Promise.resolve(it))]; } catch (e) { out.push(`async ${e.message}`); }
}
later().then(() => console.log(out.join('\n')));
