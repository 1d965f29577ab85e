const parts = [];
for (let i = 1; i <= 5; i++) parts.push(i % 2 ? `odd:${i}` : `even:${i}`);
const joined = parts.join(', ');
let acc = '';
for (const p of parts) acc = acc ? `${acc} | ${p}` : p;
const table = [['id', 'name'], [1, 'ann'], [22, 'bob']].map((row) => row.map((c) => String(c).padEnd(5)).join('|')).join('\n');
const repeated = '-'.repeat(10) + '\n' + '='.repeat(3);
[joined, acc, table, repeated, table.split('\n').length]
