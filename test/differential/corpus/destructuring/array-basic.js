const [a, b] = [1, 2, 3];
const [, second, , fourth] = ['w', 'x', 'y', 'z'];
const [p, q = 'default', r = 'unused'] = ['P', undefined, null];
const [first, ...others] = 'hello';
let x = 1, y = 2;
[x, y] = [y, x];
[a, b, second, fourth, p, q, r, first, others, x, y]
