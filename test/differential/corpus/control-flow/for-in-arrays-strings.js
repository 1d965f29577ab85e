const arr = ['a', 'b', 'c'];
arr.extra = 'x';
const keys = [];
for (const i in arr) keys.push(i, typeof i);
const sparse = [1, , 3];
const sparseKeys = [];
for (const i in sparse) sparseKeys.push(i);
const strKeys = [];
for (const i in 'hey') strKeys.push(i);
const nothing = [];
for (const k in null) nothing.push(k);
for (const k in undefined) nothing.push(k);
[keys, sparseKeys, strKeys, nothing]
