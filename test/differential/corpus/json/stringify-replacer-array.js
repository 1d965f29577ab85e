const obj = { b: 2, a: 1, c: { a: 'inner', z: 26 }, 1: 'one', list: [{ a: 1, b: 2 }] };
[
  JSON.stringify(obj, ['a', 'b']),
  JSON.stringify(obj, ['c', 'a', 'list']),
  JSON.stringify(obj, [1, 'b']),
  JSON.stringify(obj, ['a', 'a']),
  JSON.stringify(obj, []),
  JSON.stringify([{ x: 1, y: 2 }], ['y']),
]
