// callbacks receive (value, index, array) and extra callback parameters are undefined
const received = [];
[1, 2, 3].map((v, i, arr, extra) => received.push([v, i, arr.length, extra]));
const arr = [1, 2, 3];
const reducer = arr.reduce((acc, cur, idx, src) => acc + (src === arr ? 1 : 0) + idx, 0);
const lengths = [(a) => a, (a, b) => a, (...r) => r, (a, b = 1, c) => a].map((f) => f.length);
[received, reducer, lengths]
