const s1 = Symbol('first');
const s2 = Symbol('second');
const o = {};
o[s2] = 2;
o.b = 'b';
o[s1] = 1;
o[1] = 'one';
o.a = 'a';
[[...Object.getOwnPropertyNames(o), ...Object.getOwnPropertySymbols(o)].map((k) => (typeof k === 'symbol' ? k.description : k)), Object.getOwnPropertySymbols(o).map((s) => s.description)]
