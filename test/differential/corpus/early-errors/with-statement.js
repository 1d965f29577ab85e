// diff: throws
const scope = { a: 1 };
console.log('never printed');
with (scope) {
  a;
}
