const obj = { list: [] };
const arr = [];
[obj.a, obj['b'], arr[0], ...obj.list] = [1, 2, 3, 4, 5];
({ x: arr[1], y: obj.nested = 'def' } = { x: 'X' });
let a, b;
({ a, b = a * 2 } = { a: 21 });
[obj, arr, a, b]
