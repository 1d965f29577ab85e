const arrayLike = { 0: 'a', 1: 'b', 2: 'c', length: 3 };
const r = [
  Array.prototype.map.call(arrayLike, (x) => x.toUpperCase()),
  Array.prototype.join.call(arrayLike, '-'),
  Array.prototype.slice.call(arrayLike, 1),
  Array.prototype.includes.call(arrayLike, 'b'),
  Array.prototype.indexOf.call('hello', 'l'),
  Array.prototype.filter.call('abcd', (c, i) => i % 2 === 0),
  Array.prototype.reduce.call('123', (a, c) => a + Number(c), 0),
];
Array.prototype.push.call(arrayLike, 'd');
r.push(arrayLike.length, arrayLike[3]);
r
