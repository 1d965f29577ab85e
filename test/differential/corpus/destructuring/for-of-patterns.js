const entries = [['alpha', { score: 3, tags: ['x'] }], ['beta', { score: 5, tags: [] }]];
const out = [];
for (const [name, { score, tags: [tag = 'none'] }] of entries) {
  out.push(`${name}:${score}:${tag}`);
}
const m = new Map([[1, 'a'], [2, 'b']]);
for (const [k, v] of m) out.push(k + v);
for (const { length } of ['abc', 'de']) out.push(length);
out
