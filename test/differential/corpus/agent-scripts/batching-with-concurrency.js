const DOCS = Array.from({ length: 10 }, (_, i) => ({ id: `doc${i}`, words: (i * 37) % 11 + 1 }));
let inFlight = 0;
let peak = 0;
async function summarize(doc) {
  inFlight++;
  peak = Math.max(peak, inFlight);
  await null;
  await null;
  inFlight--;
  return { id: doc.id, summary: `${doc.words} words` };
}
async function inBatches(items, size, fn) {
  const out = [];
  for (let i = 0; i < items.length; i += size) {
    const batch = await Promise.all(items.slice(i, i + size).map(fn));
    out.push(...batch);
    console.log(`batch ${i / size + 1} done`);
  }
  return out;
}
const summaries = await inBatches(DOCS, 4, summarize);
({ peak, count: summaries.length, first: summaries[0], last: summaries.at(-1) })
