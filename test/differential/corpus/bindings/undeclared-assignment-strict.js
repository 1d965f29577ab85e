// diff: throws
let declared = 1;
function leak() {
  undeclaredVariable = declared + 1;
  return undeclaredVariable;
}
console.log('before');
leak()
