const [a, , b] = [1, 2, 3];
const [c = 'c-default', d = 'd-default'] = [, undefined];
const sparse = [1, , 3];
const [e, f, g] = sparse;
const [...copied] = sparse;
[a, b, c, d, e, f, g, copied, 1 in copied]
