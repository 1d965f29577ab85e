// diff: compare-messages
// V8 words an object pattern's null or undefined by where it came from: a declaration or
// assignment prints its value's expression and the first property's name; a parameter gives the
// type, a catch or for-of declaration V8's internal .catch/.for; nested patterns read the property.
const attempts = [
  () => { const [{...r}] = [null]; },
  () => { const [{['k']: r}] = [null]; },
  () => { const [{x}] = [null]; },
  () => { const [{}] = [null]; },
  () => { const {"x": y} = null; },
  () => { const {'a b': x} = null; },
  () => { const {0x10: y} = null; },
  () => { const {1.5: y} = null; },
  () => { const {1: x} = null; },
  () => { const {x} = (null); },
  () => { const {x} = 1 ? null : 0; },
  () => { const {x} = `a`.b; },
  () => { const {x} = null, y = 1; },
  () => { const {x} = null; },
  () => { const {x} = this.q; },
  () => { const {x} = undefined; },
  () => { const {x} = void 0; },
  () => { const {y: {x}} = {y: null}; },
  () => { const {} = null; },
  () => { for (const {...r} of [null]) {} },
  () => { for (const {a} of [null]) {} },
  () => { for (const {} of [null]) {} },
  () => { function f(a, {b}) {} f(1, null); },
  () => { function f({...r}) {} f(); },
  () => { function f({[1]: r}) {} f(); },
  () => { function f({b} = undefined) {} f(); },
  () => { function f({x} = null) {} f(); },
  () => { function f({x}) {} f(); },
  () => { function f({x}) {} f(null); },
  () => { function f({}) {} f(); },
  () => { let a; const {x} = (a); },
  () => { let a; const {x} = a; },
  () => { let a; for ({...a} of [null]) {} },
  () => { let a; for ({[1]: a} of [null]) {} },
  () => { let a; for ({a} of [null]) {} },
  () => { let a; for ({} of [null]) {} },
  () => { let a=1; const {x} = null; },
  () => { let f = () => null; const {x} = f(); },
  () => { let g = ({x}) => x; g(); },
  () => { let o = {a: {}}; const {x} = o.a.b; },
  () => { let o = {f() {return null}}; const {x} = o.f(); },
  () => { let o = {}; const {...r} = o.a; },
  () => { let o = {}; const {['x']: z} = o.a; },
  () => { let o = {}; const {x, y} = o.a; },
  () => { let o = {}; const {x: [y]} = o.a; },
];
attempts.map((f) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
});
