const a = [];
for (const k in { x: 1, y: 2, z: 3 }) a.push(() => k);
const b = [];
for (const v of ['p', 'q']) b.push(() => v);
const c = [];
for (let [i, ch] of ['m', 'n'].entries()) c.push(() => `${i}:${ch}`);
[a.map((f) => f()), b.map((f) => f()), c.map((f) => f())]
