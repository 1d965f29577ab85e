const arr = Object.freeze([1, 2, 3]);
const r = [];
for (const op of [() => arr.push(4), () => { arr[0] = 9; }, () => arr.pop(), () => { arr.length = 0; }, () => arr.sort(), () => arr.map((x) => x * 2)]) {
  try {
    r.push(op());
  } catch (e) {
    r.push(e.name);
  }
}
r.push(arr, Object.isFrozen(arr));
r
