const m = [[1, 2, 3], [4, 5, 6]];
const transpose = (mat) => mat[0].map((_, c) => mat.map((row) => row[c]));
const identity = (n) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => +(i === j)));
const flat = m.flat();
const rowSums = m.map((row) => row.reduce((a, b) => a + b, 0));
const colMax = transpose(m).map((col) => Math.max(...col));
[transpose(m), identity(3), flat, rowSums, colMax]
