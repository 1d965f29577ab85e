// diff: compare-messages
// V8 words a value an array pattern cannot iterate by where it came from: a declaration prints
// its initializer when V8 finds it at the initializer's first token (an identifier, a literal, f(),
// new F()), else the value's type; assignments and parameters give the type; a for-of declaration
// names V8's internal .for; yield* of a member or call is (intermediate value).
const attempts = [
  () => { const [...y] = 1; },
  () => { const [[y]] = [1]; },
  () => { const [x] = !1; },
  () => { const [x] = () => 1; },
  () => { const [x] = -1; },
  () => { const [x] = /a/; },
  () => { const [x] = 1; },
  () => { const [x] = 1n; },
  () => { const [x] = [1][0]; },
  () => { const [x] = class {}; },
  () => { const [x] = function(){}; },
  () => { const [x] = null; },
  () => { const [x] = this; },
  () => { const [x] = true ? 1 : 2; },
  () => { const [x] = void 0; },
  () => { const [x] = {}; },
  () => { const [y = 1] = 1; },
  () => { const [y] = 1 + 2; },
  () => { const [y] = `a${1}`.length; },
  () => { const attempts = {}; function f(name) { [name] = (attempts[name] ?? 0) + 1; } f('a'); },
  () => { const attempts = {}; function f(name) { [name] = (attempts[name] || 0) + 1; } f('a'); },
  () => { const attempts = {}; function f(name) { return[name] = (attempts[name] ?? 0) + 1; } f('a'); },
  () => { const o = {f(){return 1}}; const [y] = o.f(); },
  () => { const x = 1; const [y] = x; },
  () => { for (const [a] of [1]) {} },
  () => { for (const [a] of [null]) {} },
  () => { for (let [a] of [1]) {} },
  () => { for (var [a] of [1]) {} },
  () => { function F() {} function* g() { yield* new F(); } g().next(); },
  () => { function F(){} const [x] = new F(); },
  () => { function F(){} const [x] = new F; },
  () => { function f(name) { [name] = name + 1; } f(1); },
  () => { function g([a] = 1) {} g(); },
  () => { function g([a]) {} g(); },
  () => { function g([a]) {} g(1); },
  () => { function g([a]) {} g({}); },
  () => { function g(a, [b]) {} g(1, 2); },
  () => { function* g() { yield* -1; } g().next(); },
  () => { function* g() { yield* 1; } g().next(); },
  () => { function* g() { yield* null; } g().next(); },
  () => { function* g() { yield* this; } g().next(); },
  () => { function* g() { yield* undefined; } g().next(); },
  () => { function* g() { yield* {}; } g().next(); },
  () => { let a = 1; const [x] = ((a)); },
  () => { let a = 1; const [x] = (1); },
];
attempts.map((f) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
});
