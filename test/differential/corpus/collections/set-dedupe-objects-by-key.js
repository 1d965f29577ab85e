const records = [{ id: 1, v: 'a' }, { id: 2, v: 'b' }, { id: 1, v: 'c' }, { id: 3, v: 'd' }, { id: 2, v: 'e' }];
const seen = new Set();
const firstById = records.filter((r) => !seen.has(r.id) && seen.add(r.id));
const lastById = [...new Map(records.map((r) => [r.id, r])).values()];
[firstById.map((r) => r.v), lastById.map((r) => r.v), seen.size]
