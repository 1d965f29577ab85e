const o = { a: 0, b: 1, c: null, d: 'keep' };
o.a ||= 'was falsy';
o.b ||= 'not assigned';
o.b &&= 'was truthy';
o.c &&= 'not assigned';
o.c ??= 'was nullish';
o.d ??= 'not assigned';
o.e ??= [];
o.e.push(1);
let count = 0;
const side = () => { count++; return 'side'; };
let x = 'set';
x ||= side();
x &&= side();
let y = null;
y &&= side();
[o, x, y, count]
