let a = 5;
const r = [a++, a, ++a, a, a--, a, --a, a];
let s = '5';
s++;
let n = null;
n++;
let u;
u++;
let str = 'x';
str--;
const o = { v: 1 };
o.v++;
++o.v;
const arr = [1];
arr[0]--;
r.push(s, typeof s, n, u, str, o.v, arr[0]);
r
