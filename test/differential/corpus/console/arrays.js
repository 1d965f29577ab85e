console.log([]);
console.log([1, 2, 3]);
console.log([1, , 3]);
console.log([, , ,]);
console.log([[1, [2, [3, [4]]]]]);
console.log([undefined, null, NaN, -0]);
const arr = [1, 2];
arr.extra = 'prop';
console.log(arr);
console.log(new Array(5));
console.log(Array.from({ length: 6 }, (_, i) => i * i));
'ok'
