// diff: throws
console.log('never printed');
function f() {
  let yield = 1;
  return yield;
}
f()
