// diff: throws
console.log('never printed');
function f() {
  break;
}
f()
