const nums = [10, 9, 1, 100, 25, -3, 0, -0, 2e21];
const mixed = ['b', undefined, 'a', 3, null, 'B', undefined, 20, true];
const holes = [3, , 1, undefined, , 2];
const sortedHoles = holes.sort();
[nums.slice().sort(), mixed.slice().sort(), sortedHoles, sortedHoles.length, 5 in sortedHoles, 4 in sortedHoles, 3 in sortedHoles]
