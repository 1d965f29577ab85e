// Sort with a comparator: 50k { key, id } objects sorted by key, ties broken by id, using a
// guest comparator function. Measures Array.prototype.sort and guest calls made from it.
// The order is total (ids are unique), so every correct sort gives the same result.
let seed = 3;
function next() {
  seed = (seed * 48271) % 2147483647;
  return seed;
}
const rows = [];
for (let i = 0; i < 50000; i++) {
  rows.push({ key: next() % 10000, id: i });
}
rows.sort((a, b) => (a.key !== b.key ? a.key - b.key : a.id - b.id));
let check = 0;
for (let i = 0; i < rows.length; i += 97) check = (check * 31 + rows[i].id) % 1000000007;
({ first: rows[0].id, last: rows[rows.length - 1].id, minKey: rows[0].key, maxKey: rows[rows.length - 1].key, check });
