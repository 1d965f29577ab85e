// diff: throws
console.log('never printed');
let total = 1;
const values = [1, 2];
let total = values.length;
total
