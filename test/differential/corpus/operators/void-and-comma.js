let i = 0;
const a = (i++, i++, i);
const b = void i++;
const c = void 0 === undefined;
let x;
for (let j = 0, k = 10; j < k; j += 3, k -= 3) x = [j, k];
const d = [1, 2, 3].map((v) => (i += v, v * i));
[a, b, c, i, x, d]
