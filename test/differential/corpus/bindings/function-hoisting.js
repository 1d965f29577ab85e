const out = [];
out.push(typeof later, later(3));
function later(x) {
  return x * 2;
}
out.push(typeof notYet);
var notYet = function () { return 1; };
out.push(typeof notYet, notYet());
out
