const re = /\d+/y;
const s = '12 34';
const r = [];
r.push(re.exec(s)?.[0], re.lastIndex);
r.push(re.exec(s), re.lastIndex);
re.lastIndex = 3;
r.push(re.exec(s)?.[0], re.lastIndex);
const tokens = [];
const lexer = /\s*(\d+|[+*()-])/y;
const src = '3 + 4*(2 - 1)';
let t;
while ((t = lexer.exec(src))) tokens.push(t[1]);
r.push(tokens, /a/y.test('ba'), 'xaa'.replace(/a/gy, 'b'), 'aax'.replace(/a/gy, 'b'));
r
