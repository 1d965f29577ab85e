// var declarations are hoisted with value undefined
const seen = [];
seen.push(typeof a, a);
var a = 5;
seen.push(a);
function f() {
  seen.push(b);
  var b = 2;
  return b;
}
seen.push(f());
seen
