console.log('x'.repeat(100));
console.log(['short', 'list']);
console.log({ a: 'aaaaaaaaaa', b: 'bbbbbbbbbb' });
console.log([1, 2, 3, 4, 5, 6]);
'ok'
