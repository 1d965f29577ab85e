const nums = [1, 2, 3, 4];
const trace = [];
const sum = nums.reduce((acc, x, i) => {
  trace.push(`${acc}+${x}@${i}`);
  return acc + x;
});
const concatRight = ['a', 'b', 'c'].reduceRight((acc, x) => acc + x);
const withInit = nums.reduceRight((acc, x) => [...acc, x], []);
const single = [42].reduce((a, b) => a + b);
const emptyInit = [].reduce((a, b) => a + b, 'init');
let err;
try { [].reduce((a, b) => a + b); } catch (e) { err = e.name; }
const sparse = [, 5, , 6].reduce((acc, x, i) => acc + `[${i}]${x}`, '');
[sum, trace, concatRight, withInit, single, emptyInit, err, sparse]
