const deep = { l1: { l2: { l3: { l4: { l5: 'bottom' } } } } };
console.log(deep);
console.log([[[[['five']]]]]);
const mixed = { arr: [{ a: [{ b: 1 }] }] };
console.log(mixed);
console.log(new Map([['k', { a: { b: { c: 1 } } }]]));
'ok'
