const original = [5, 3, 8, 1];
const copies = {
  sorted: [...original].sort((a, b) => a - b),
  toSorted: original.toSorted((a, b) => b - a),
  mapped: original.map((x) => x + 1),
  sliced: original.slice(1, 3),
};
const destructive = { ...copies };
const arr = [...original];
arr.sort();
arr.reverse();
arr.splice(1, 1);
[original, copies, arr]
