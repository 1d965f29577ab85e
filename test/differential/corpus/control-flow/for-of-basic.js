const out = [];
for (const ch of 'a😀b') out.push(ch);
for (const n of [1, , 3]) out.push(n);
for (const [k, v] of Object.entries({ x: 1, y: 2 })) out.push(k + v);
for (const v of new Set(['s1', 's2', 's1'])) out.push(v);
let last;
for (last of [7, 8, 9]);
out.push(last);
out
