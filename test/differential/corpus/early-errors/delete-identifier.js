// diff: throws
let x = 1;
console.log('never printed');
delete x;
x
