// yield in the middle of an expression: the operands evaluated before it (a callee, a left
// operand, array elements, method receivers) must be there when the generator resumes
function* call(f) { return f(yield 'call'); }
function* method(o) { return o.m(yield 'method', 2); }
function* add() { return 10 + (yield 'add'); }
function* array() { return [1, yield 'array', 3]; }
function* nested(f) { return [f(yield 'a'), 100 - (yield 'b'), `${yield 'c'}!`]; }
function* loop(it, f) {
  const out = [];
  for (const v of it) out.push(f(v, yield v));
  return out;
}
function drive(gen, answers) {
  const seen = [];
  let r = gen.next();
  for (let i = 0; !r.done; i++) {
    seen.push(r.value);
    r = gen.next(answers[i]);
  }
  return [seen, r.value];
}
function* naturals() { let n = 0; while (true) yield n++; }
function* map(it, f) { for (const v of it) f(yield); }
function* take(it, n) { for (const v of it) { if (--n <= 0) return; yield v; } }
[
  drive(call((x) => x * 2), [21]),
  drive(method({ m: (a, b) => a + b }), [40]),
  drive(add(), [5]),
  drive(array(), ['two']),
  drive(nested((x) => x + 1), [1, 2, 'three']),
  drive(loop([1, 2, 3], (v, w) => v * w), [10, 20, 30]),
  [...take(map(naturals(), (x) => x * x), 4)],
]
