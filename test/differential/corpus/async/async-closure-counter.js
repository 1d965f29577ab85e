let count = 0;
const increments = [];
async function inc(label) {
  const before = count;
  await null;
  count = before + 1;
  increments.push(`${label}:${before}->${count}`);
}
await Promise.all([inc('a'), inc('b'), inc('c')]);
const racy = count;
count = 0;
for (const l of ['a', 'b', 'c']) await inc(l);
[racy, count, increments]
