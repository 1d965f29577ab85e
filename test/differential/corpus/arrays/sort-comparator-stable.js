const records = [];
for (let i = 0; i < 30; i++) records.push({ id: i, group: (i * 7) % 4 });
const sorted = records.slice().sort((a, b) => a.group - b.group);
const ids = sorted.map((r) => `${r.group}:${r.id}`);
const desc = [5, 1, 4, 2, 3].sort((a, b) => b - a);
const byLen = ['ccc', 'a', 'bb', 'dd', 'e', 'fff'].sort((a, b) => a.length - b.length);
[ids, desc, byLen]
