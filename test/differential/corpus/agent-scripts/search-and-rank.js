const CORPUS = [
  { id: 'a', text: 'async functions return promises' },
  { id: 'b', text: 'promises can be chained with then' },
  { id: 'c', text: 'generators yield values lazily' },
  { id: 'd', text: 'await pauses async functions until promises settle' },
];
async function score(doc, terms) {
  await null;
  const words = doc.text.split(' ');
  const hits = terms.map((t) => words.filter((w) => w.startsWith(t)).length);
  return { id: doc.id, score: hits.reduce((a, b) => a + b, 0), matched: terms.filter((_, i) => hits[i] > 0) };
}
const query = 'async promises';
const terms = query.toLowerCase().split(/\s+/);
const scored = await Promise.all(CORPUS.map((d) => score(d, terms)));
const ranked = scored.filter((s) => s.score > 0).sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
({ query, results: ranked, best: ranked[0]?.id ?? null })
