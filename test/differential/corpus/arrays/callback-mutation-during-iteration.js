const arr = [1, 2, 3, 4];
const seen = [];
arr.forEach((x, i) => {
  seen.push(x);
  if (i === 0) arr.push(99);
  if (i === 1) arr.pop();
});
const arr2 = [1, 2, 3];
const mapped = arr2.map((x, i) => {
  if (i === 0) arr2[2] = 'changed';
  return x;
});
const arr3 = [1, 2, 3, 4];
const kept = arr3.filter((x, i) => {
  if (i === 0) arr3.splice(1, 1);
  return true;
});
[seen, arr, mapped, kept]
