const r = [
  String.prototype.toUpperCase.call(true),
  String.prototype.slice.call(12345, 1, 3),
  String.prototype.includes.call([1, 2, 3], '2,3'),
  String.prototype.split.call(1.5, '.'),
];
try {
  String.prototype.trim.call(null);
} catch (e) {
  r.push(e.name);
}
try {
  'abc'.startsWith(/a/);
} catch (e) {
  r.push(e.name);
}
r
