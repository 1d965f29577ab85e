var x = 1;
var x;
const r = [x];
var x = 2;
r.push(x);
function f(a) {
  var a;
  r.push(a);
  var a = 'reset';
  r.push(a);
}
f('arg');
r
