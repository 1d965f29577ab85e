let x = 'outer';
function f(a = x, b = () => a) {
  let x = 'inner';
  return [a, b(), x];
}
function g(n, get = () => n) {
  n = n + 1;
  return get();
}
const calls = [];
function h(p = calls.push('evaluated')) {
  return p;
}
h(1);
h();
[f(), f('given'), g(1), calls]
