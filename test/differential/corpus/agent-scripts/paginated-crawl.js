const PAGES = [
  { items: [{ id: 1, score: 0.9 }, { id: 2, score: 0.4 }], next: 1 },
  { items: [{ id: 3, score: 0.7 }], next: 2 },
  { items: [{ id: 4, score: 0.95 }, { id: 5, score: 0.1 }], next: null },
];
let calls = 0;
async function listPage(cursor) {
  calls++;
  await null;
  return PAGES[cursor];
}
const all = [];
for (let cursor = 0; cursor !== null; ) {
  const page = await listPage(cursor);
  all.push(...page.items);
  cursor = page.next;
}
const top = all.toSorted((a, b) => b.score - a.score).slice(0, 3).map((x) => x.id);
({ calls, count: all.length, top, meanScore: Number((all.reduce((s, x) => s + x.score, 0) / all.length).toFixed(3)) })
