const q = [];
const r = [q.push(1, 2), q.unshift(0, -1), q.pop(), q.shift(), q.length, [...q]];
r.push([].pop(), [].shift(), [].push(), [].unshift());
const big = [1, 2, 3];
big.unshift(...[7, 8]);
r.push(big);
r
