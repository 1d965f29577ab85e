const grid = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];
let pos = null;
let steps = 0;
search: {
  let r = 0;
  while (r < grid.length) {
    let c = 0;
    do {
      steps++;
      if (grid[r][c] === 6) {
        pos = [r, c];
        break search;
      }
    } while (++c < grid[r].length);
    r++;
  }
  pos = 'not found';
}
[pos, steps]
