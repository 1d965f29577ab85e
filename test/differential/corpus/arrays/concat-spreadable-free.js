const arr = [1, 2];
const arrayLike = { 0: 'a', length: 1 };
const nestedConcat = arr.concat([[3]], 4, 'str', null, undefined, arrayLike);
const str = 'ab';
[nestedConcat.length, nestedConcat.slice(0, 7), typeof nestedConcat[7], arr.concat(), arr.concat() !== arr, [].concat([], [[]])]
