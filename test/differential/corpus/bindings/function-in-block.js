const r = [];
{
  function inner() { return 'inner'; }
  r.push(inner());
}
r.push(typeof inner);
function outer() {
  return typeof helper;
  function helper() {}
}
r.push(outer());
r
