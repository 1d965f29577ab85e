const arr = ['x', , 'z'];
const k = [...arr.keys()];
const v = [...arr.values()];
const e = [...arr.entries()];
const objKeys = Object.keys(arr);
const it = arr.entries();
const step = [it.next(), it.next(), it.next(), it.next()];
[k, v, e, objKeys, step]
