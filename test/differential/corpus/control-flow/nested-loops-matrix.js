function multiply(a, b) {
  const rows = a.length, cols = b[0].length, inner = b.length;
  const out = [];
  for (let i = 0; i < rows; i++) {
    const row = [];
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let k = 0; k < inner; k++) sum += a[i][k] * b[k][j];
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}
multiply([[1, 2], [3, 4], [5, 6]], [[7, 8, 9], [10, 11, 12]])
