const people = [
  { name: 'ann', dept: 'eng', level: 2 },
  { name: 'bob', dept: 'ops', level: 1 },
  { name: 'cid', dept: 'eng', level: 3 },
  { name: 'dee', dept: 'sales', level: 1 },
  { name: 'eve', dept: 'ops', level: 2 },
];
const byDept = new Map();
for (const p of people) {
  if (!byDept.has(p.dept)) byDept.set(p.dept, []);
  byDept.get(p.dept).push(p.name);
}
const maxLevel = new Map();
for (const { dept, level } of people) maxLevel.set(dept, Math.max(maxLevel.get(dept) ?? 0, level));
[[...byDept], [...maxLevel], Object.fromEntries(byDept)]
