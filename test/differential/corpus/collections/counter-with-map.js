const text = 'it was the best of times it was the worst of times';
const counts = new Map();
for (const w of text.split(' ')) counts.set(w, (counts.get(w) || 0) + 1);
const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const top3 = sorted.slice(0, 3);
const singletons = sorted.filter(([, c]) => c === 1).map(([w]) => w);
[counts.size, top3, singletons]
