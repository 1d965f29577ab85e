const fromGen = Array.from((function* () { yield* [3, 1, 2]; })());
const fromMap = Array.from(new Map([[1, 'a']]));
const fromArrayLike = Array.from({ length: 3, 0: 'x', 2: 'z' });
const withMapFn = Array.from('abc', (ch, i) => ch.toUpperCase() + i);
const ranges = Array.from({ length: 5 }, (_, i) => i * i);
const withThis = Array.from([1, 2], function (x) { return x * this.k; }, { k: 10 });
[fromGen, fromMap, fromArrayLike, withMapFn, ranges, withThis]
