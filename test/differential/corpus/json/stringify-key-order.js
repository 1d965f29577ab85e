const o = { z: 1, 10: 'ten', a: 2, 2: 'two', [Symbol('s')]: 'hidden' };
Object.defineProperty(o, 'hidden', { value: 'no', enumerable: false });
const arrWithProps = [1, 2];
arrWithProps.extra = 'ignored';
const sparse = [1, , 3];
[JSON.stringify(o), JSON.stringify(arrWithProps), JSON.stringify(sparse), JSON.stringify({ '': 'empty key', ' ': 'space' })]
