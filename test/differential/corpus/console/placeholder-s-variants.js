console.log('%s', 'str');
console.log('%s', 42);
console.log('%s', -0);
console.log('%s', 5n);
console.log('%s', Symbol('s'));
console.log('%s', [1, [2, 3]]);
console.log('%s', { toString() { return 'custom toString'; } });
console.log('%s', new Error('e').message);
console.log('%s|%s', true, null);
'ok'
