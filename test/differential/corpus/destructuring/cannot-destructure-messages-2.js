// diff: compare-messages
// V8 words an object pattern's null or undefined by where it came from: a declaration or
// assignment prints its value's expression and the first property's name; a parameter gives the
// type, a catch or for-of declaration V8's internal .catch/.for; nested patterns read the property.
const attempts = [
  () => { let o = {}; const {x: y = 1} = o.a; },
  () => { let o = {}; const {x: z} = o.a; },
  () => { let o = {}; const {x: {y}} = o.a; },
  () => { let o = {}; const {x} = o.a; },
  () => { let o = {}; const {x} = o?.a; },
  () => { let o = {}; const {x} = o['a']; },
  () => { let o = {}; const {x} = o[1]; },
  () => { let o = {}; let y; ({x: y = 1} = o.a); },
  () => { let q = [null]; const {x} = q[0]; },
  () => { let s; ({x: s} = null); },
  () => { let s; [{x: s}] = [null]; },
  () => { let x; ({x} = null); },
  () => { let x; ({x} = undefined); },
  () => { try { throw null } catch ({x}) {} },
  () => { try { throw null } catch ({}) {} },
  () => { class A { constructor({x}) {} } new A(); },
  () => { class A { m({x}) {} } new A().m(null); },
  () => { function* g({x}) {} g(); },
  () => { function f(a, {x} = a) {} f(null); },
  () => { try { throw 1 } catch ({x: [y]}) {} },
  () => { try { throw {x: 2} } catch ({x: [y]}) {} },
  () => { for (const {x: [y]} of [{x: 1}]) {} },
  () => { for (const {x: [y]} of [{}]) {} },
  () => { let y; for ({x: [y]} of [{x: 1}]) {} },
  () => { function f(a = 1, {y}) {} f(undefined, null); },
];
attempts.map((f) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
});
