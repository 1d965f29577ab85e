const obj = { a: 1, b: 2, c: 3, d: 4 };
const seen = [];
for (const k in obj) {
  seen.push(k);
  if (k === 'a') delete obj.c;
  if (k === 'b') obj.z = 26;
}
[seen, Object.keys(obj)]
