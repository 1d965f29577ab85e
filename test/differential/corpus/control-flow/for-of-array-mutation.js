const arr = [1, 2, 3];
const seen = [];
for (const v of arr) {
  seen.push(v);
  if (v === 1) arr.push(4);
  if (v === 2) arr.shift();
}
const arr2 = [1, 2, 3, 4, 5];
const seen2 = [];
for (const v of arr2) {
  seen2.push(v);
  arr2.pop();
}
[seen, arr, seen2, arr2]
