const o = { b: 2, a: 1, 1: 'one', 0: 'zero', [Symbol('s')]: 'sym' };
Object.defineProperty(o, 'hidden', { value: 'h', enumerable: false });
const proto = { inherited: true };
const child = Object.create(proto, { own: { value: 1, enumerable: true } });
[Object.keys(o), Object.values(o), Object.entries(o), Object.keys(child), Object.entries('ab'), Object.keys([4, 5]), Object.values(5)]
