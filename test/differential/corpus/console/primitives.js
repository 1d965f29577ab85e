console.log(1, -1, 0, -0, 1.5, 1e21, 1e-7, NaN, Infinity, -Infinity);
console.log('string', true, false, null, undefined);
console.log(10n, -0n, Symbol('sym'), Symbol());
console.log(0.1 + 0.2, 2 ** 53, -1e-300);
console.log('multiple', 'strings', 'joined');
[1, 2].length
