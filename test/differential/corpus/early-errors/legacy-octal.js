// diff: throws
// strict code rejects legacy octal literals before anything runs: no console output
console.log('never printed');
const mode = 0755;
mode
