console.log('%s is %d years', 'Ann', 42);
console.log('%i and %f', 42.9, '3.5');
console.log('%s', { a: 1 }, 'extra', 3);
console.log('%d%%', 50);
console.log('%o', [1, 2]);
console.log('%O', { x: { y: 1 } });
console.log('%j %c', 'not-json', 'color: red');
console.log('missing %s and %d');
console.log('%s', null, undefined);
console.log('%d', '0x10', '%d', 'abc');
console.log('100%', 'literal');
'ok'
