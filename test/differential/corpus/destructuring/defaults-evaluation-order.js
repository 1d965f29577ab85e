const log = [];
const tag = (name, value) => { log.push(name); return value; };
const { a = tag('a', 1), b = tag('b', 2), c = tag('c', 3) } = { b: 'given' };
const [x = tag('x', 1), y = tag('y', 2)] = [undefined, null];
[a, b, c, x, y, log]
