const r = [
  'a.b.c'.replaceAll('.', '/'),
  'aaa'.replaceAll('aa', 'b'),
  'xyz'.replaceAll('', '-'),
  'a-b-c'.replaceAll(/-/g, (m, off) => `[${off}]`),
  'cat bat'.replaceAll(/(\w)at/g, '$1og'),
  'price: $5'.replaceAll('$', '$$'),
];
try {
  'abc'.replaceAll(/b/, 'x');
} catch (e) {
  r.push(e.name);
}
r
