// diff: throws
const before = 1;
console.log('start', before);
const value = count + 1;
let count = 3;
value
