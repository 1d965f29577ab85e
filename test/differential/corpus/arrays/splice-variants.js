const a = [1, 2, 3, 4, 5];
const removed1 = a.splice(1, 2);
const after1 = [...a];
const removed2 = a.splice(-1, 1, 'x', 'y');
const after2 = [...a];
const removed3 = a.splice(1, 0, 'ins');
const after3 = [...a];
const removed4 = a.splice(2);
const b = [1, 2, 3];
const removed5 = b.splice();
const removed6 = b.splice(undefined, 1);
[removed1, after1, removed2, after2, removed3, after3, removed4, a, removed5, removed6, b]
