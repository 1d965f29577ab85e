const o = Object.defineProperties({}, {
  a: { value: 'A', enumerable: true },
  b: { value: 'B' },
});
o.c = 'C';
const arr = ['x'];
[Object.keys(o), Object.getOwnPropertyNames(o), Object.getOwnPropertyNames(arr), Object.getOwnPropertyNames('hi'), Object.getOwnPropertyDescriptors({ p: 1 })]
