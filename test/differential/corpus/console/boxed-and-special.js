console.log(new Number(5), new String('str'), new Boolean(false));
console.log(Object(1n), Object(Symbol('s')));
console.log(/regex/gi, [/a/]);
console.log(new Date(0));
console.log([new Date('2024-02-29T12:00:00Z')]);
console.log(new Date(NaN));
console.log(Promise.resolve(1));
console.log(globalThis === globalThis ? 'global ok' : 'no');
'ok'
