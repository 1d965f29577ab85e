const arr = [3, 1, 2];
const ret = arr.sort();
const obj = { length: 3, 0: 'c', 1: 'a', 2: 'b' };
Array.prototype.sort.call(obj);
const nested = [[2, 'b'], [1, 'z'], [2, 'a'], [1, 'a']];
nested.sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
[ret === arr, arr, obj, nested]
