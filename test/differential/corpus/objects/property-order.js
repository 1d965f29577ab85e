const o = {};
o.z = 1;
o[2] = 'two';
o.a = 2;
o[1] = 'one';
o['b'] = 3;
delete o.z;
o.z = 'readded';
const s = Symbol('s');
o[s] = 'sym';
[Object.keys(o), JSON.stringify(o), [...Object.getOwnPropertyNames(o), ...Object.getOwnPropertySymbols(o)].map(String)]
