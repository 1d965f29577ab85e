let a = 1, b = 2, c = 3;
[a, b, c] = [c, a, b];
const arr = [10, 20, 30, 40];
[arr[0], arr[3]] = [arr[3], arr[0]];
let i = 0;
const grid = [[1, 2], [3, 4]];
[grid[i][1], grid[i + 1][0]] = [grid[i + 1][0], grid[i][1]];
[a, b, c, arr, grid]
