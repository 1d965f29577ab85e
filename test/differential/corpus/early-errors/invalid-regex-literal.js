// diff: throws
// an invalid regular expression literal is an early error
console.log('never printed');
const re = /(unclosed/;
re.test('x')
