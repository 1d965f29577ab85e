function area({ w, h = w }) {
  return w * h;
}
function head([first, ...tail] = []) {
  return { first, tail };
}
const pairs = [[1, 'one'], [2, 'two']];
const labels = pairs.map(([n, word]) => `${n}=${word}`);
const swap = ([a, b]) => [b, a];
[area({ w: 3 }), area({ w: 2, h: 5 }), head(), head([9, 8, 7]), labels, swap([1, 2])]
