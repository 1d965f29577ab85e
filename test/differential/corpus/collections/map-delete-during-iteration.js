const m = new Map([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
const seen = [];
for (const [k] of m) {
  seen.push(k);
  if (k === 1) m.delete(2);
  if (k === 3) m.set(5, 'e');
  if (k === 4) m.delete(1);
}
const s = new Set([1, 2, 3]);
const seenSet = [];
for (const v of s) {
  seenSet.push(v);
  if (v === 1) { s.delete(1); s.add(1); }
  if (seenSet.length > 10) break;
}
[seen, [...m.keys()], seenSet]
