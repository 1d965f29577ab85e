// diff: compare-messages
// V8 words a value an array pattern cannot iterate by where it came from: a declaration prints
// its initializer when V8 finds it at the initializer's first token (an identifier, a literal, f(),
// new F()), else the value's type; assignments and parameters give the type; a for-of declaration
// names V8's internal .for; yield* of a member or call is (intermediate value).
const attempts = [
  () => { let a = 1; const [x] = (a); },
  () => { let a = 1; const [x] = ++a; },
  () => { let a = 1; const [x] = -a; },
  () => { let a = 1; const [x] = a = 2; },
  () => { let a = 1; const [x] = a || 2; },
  () => { let a = 1; const [x] = a++; },
  () => { let a = 1; const [x] = a, y = 2; },
  () => { let a = 1; const y = 2, [x] = a; },
  () => { let a = 1; function* g() { yield* (a); } g().next(); },
  () => { let a = 1; function* g() { yield* a + 1; } g().next(); },
  () => { let a = 1; function* g() { yield* a ? 1 : 2; } g().next(); },
  () => { let a = 1; function* g() { yield* a; } g().next(); },
  () => { let a = 1; let [x] = a; },
  () => { let a = 1; let name; [name] = a; },
  () => { let a = 1; var [x] = a; },
  () => { let a; for ([a] of [1]) {} },
  () => { let a=1; const [x] = (a, 1); },
  () => { let a=1; const [x] = a + 1; },
  () => { let a=1; const [x] = a; },
  () => { let f = () => 1; const [x] = f(); },
  () => { let f = () => 1; const [x] = f?.(); },
  () => { let f = () => 1; function* g() { yield* f(); } g().next(); },
  () => { let f = () => 1; function* g() { yield* f(1); } g().next(); },
  () => { let f = () => 1; let x; [x] = f(); },
  () => { let g = ([a]) => a; g(1); },
  () => { let name, a = 1; console.log([name] = a); },
  () => { let name; (0, [name] = 2); },
  () => { let name; ([name] = 1 + 0); },
  () => { let name; [name] = (0 ?? 0) + 1; },
  () => { let name; [name] = (0 ?? 0); },
  () => { let name; [name] = (0 || 0) + 1; },
  () => { let name; [name] = (name ?? 0) + 1; },
  () => { let name; [name] = 0 ?? 0; },
  () => { let name; [name] = 0 || 0; },
  () => { let name; [name] = 1; },
  () => { let name; console.log([name] = 1 + 1); },
  () => { let name; const z = [[name] = 1 + 1]; },
  () => { let name; const z = {q: [name] = 2}; },
  () => { let name; function f() { return ([name] = 1 + 1); } f(); },
  () => { let name; function f() { return [name] = 1 + 1; } f(); },
  () => { let name; function f() { return[name] = 1 + 1; } f(); },
  () => { let name; if ([name] = 2) {} },
  () => { let name; let o = {}; o.p = [name] = 2; },
  () => { let name; let q; q = [name] = 2; },
  () => { let name; let y = ([name] = 1 + 1); },
];
attempts.map((f) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
});
