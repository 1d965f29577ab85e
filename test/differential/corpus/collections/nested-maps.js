const matrix = new Map();
const set = (r, c, v) => {
  if (!matrix.has(r)) matrix.set(r, new Map());
  matrix.get(r).set(c, v);
};
set(0, 0, 'a');
set(0, 2, 'b');
set(3, 1, 'c');
set(0, 0, 'A');
const flat = [];
for (const [r, row] of matrix) for (const [c, v] of row) flat.push(`${r},${c}=${v}`);
[flat, matrix.size, matrix.get(0).size, matrix.get(5)?.get(0) ?? 'empty']
