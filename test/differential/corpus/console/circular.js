const a = { name: 'a' };
a.self = a;
console.log(a);
const arr = [1];
arr.push(arr);
console.log(arr);
const parent = { child: {} };
parent.child.parent = parent;
console.log(parent);
'ok'
