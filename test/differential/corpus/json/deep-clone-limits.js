// JSON round-tripping loses everything that is not plain data
const src = {
  date: new Date(0), undef: undefined, fn() {}, map: new Map([[1, 2]]), set: new Set([1]),
  nan: NaN, inf: -Infinity, regex: /x/g, nested: [undefined, () => 1],
};
const clone = JSON.parse(JSON.stringify(src));
[clone, Object.keys(clone), typeof clone.date]
