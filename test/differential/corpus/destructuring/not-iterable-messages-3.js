// diff: compare-messages
// V8 words a value an array pattern cannot iterate by where it came from: a declaration prints
// its initializer when V8 finds it at the initializer's first token (an identifier, a literal, f(),
// new F()), else the value's type; assignments and parameters give the type; a for-of declaration
// names V8's internal .for; yield* of a member or call is (intermediate value).
const attempts = [
  () => { let name; let y = [name] = 1 + 1; },
  () => { let o = {a: 1}; function* g() { yield* o['a']; } g().next(); },
  () => { let o = {a:1}; const [[x]] = [1]; },
  () => { let o = {a:1}; const [x] = o.a; },
  () => { let o = {a:1}; const [x] = o; },
  () => { let o = {a:1}; const [x] = o['a']; },
  () => { let o = {a:1}; for (const [a] of [o.a]) {} },
  () => { let o = {a:1}; function* g() { yield* o.a; } g().next(); },
  () => { let o = {a:1}; let name; [name] = o.a; },
  () => { let o = {a:1}; let x; [[x]] = [1]; },
  () => { let o = {a:[1]}; const [[x]] = o.a; },
  () => { let o = {a:null}; const [x] = o.a; },
  () => { let o = {a:{b:1}}; const [x] = o.a.b; },
  () => { let o = {a:{b:1}}; const [x] = o?.a.b; },
  () => { let o = {a:{b:1}}; function* g() { yield* o.a.b; } g().next(); },
  () => { let o = {a:{}}; const [x] = o.a; },
  () => { let o = {f() { return 1 }}; function* g() { yield* o.f(); } g().next(); },
  () => { let o={}; let x; [x] = o.b; },
  () => { let x = 5; [x] = x; },
  () => { let x; ([x] = 'ab', [x] = 5); },
  () => { let x; [x] = 'ab'; [x] = -0; },
  () => { let x; [x] = 10n; },
  () => { let x; [x] = Math.max; },
  () => { let x; [x] = Symbol('q'); },
  () => { let x; [x] = [1].map; },
  () => { let x; [x] = class A{}; },
  () => { let x; [x] = function(){}; },
  () => { let x; [x] = null; },
  () => { let x; [x] = true; },
  () => { let x; [x] = undefined; },
  () => { let x; [x] = {}; },
  () => { try { throw 1 } catch ([e]) {} },
  () => { let f = () => () => 1; const [x] = f()(); },
  () => { let f = (a) => (b) => null; const [x] = f(1)(2); },
  () => { let o = {f: () => () => 1}; const [x] = o.f()(); },
  () => { const {x: [y]} = {x: 1}; },
  () => { const o = {}; const {x: [y]} = o; },
  () => { const o = {x: 5n}; let y; ({x: [y]} = o); },
  () => { let f = () => ({x: 1}); const {x: [y]} = (f()); },
  () => { const {z, x: [y]} = {x: 1, z: 0}; },
  () => { const {x: [[y]]} = {x: [1]}; },
  () => { const o = {x: 1}; const {x: [y]} = o.p ?? o; },
];
attempts.map((f) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
});
