const proto = { inherited: 1 };
const src = Object.create(proto);
src.own = 2;
src[Symbol.for('s')] = 3;
Object.defineProperty(src, 'hidden', { value: 4, enumerable: false });
const { ...copy } = src;
const { own, ...others } = { own: 1, z: 26, a: 1, 10: 'ten', 2: 'two' };
[Object.keys(copy), 'inherited' in copy, copy[Symbol.for('s')], others, Object.keys(others)]
