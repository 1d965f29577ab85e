const withUndef = [3, undefined, 1, undefined, 2];
const r1 = withUndef.slice().sort((a, b) => b - a);
const alwaysZero = ['x', 'y', 'z'].sort(() => 0);
const boolCmp = [3, 1, 2].sort((a, b) => a > b);
const strings = ['éclair', 'apple', 'Zebra', 'zoo', 'Éclat'].sort();
let err;
try { [1, 2].sort('not a function'); } catch (e) { err = e.name; }
[r1, alwaysZero, boolCmp, strings, err]
