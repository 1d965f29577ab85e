// Research brief: search a topic from several angles at once, read the best sources in parallel,
// and reduce what they say into a short brief with citations.
//
// Inputs: `topic` (what to research), `angles` (follow-up questions to search besides the topic
// itself) and `maxSources` (how many pages to read).
// Capabilities: webSearch, fetchPage, summarize. Every fan-out is `await Promise.all(...)` over
// capability calls; ranking, de-duplication and the final reduce happen here, in code.

const queries = [topic, ...angles.map((angle) => `${topic} ${angle}`)];

// Fan-out 1: one search per query, all in flight together.
const searches = await Promise.all(queries.map((query) => webSearch({ query, limit: 6 })));

// Reduce: one ranked list of sources. A page found by several queries ranks higher; at most two
// pages per site, so one publisher cannot dominate the brief.
const byUrl = new Map();
searches.forEach((search, q) => {
  search.results.forEach((hit, rank) => {
    const score = hit.relevance / (rank + 1) + (q === 0 ? 0.5 : 0);
    const seen = byUrl.get(hit.url);
    if (seen) seen.score += score;
    else byUrl.set(hit.url, { url: hit.url, title: hit.title, site: hit.url.split('/')[2], score });
  });
});
const perSite = new Map();
const sources = [...byUrl.values()]
  .sort((a, b) => b.score - a.score || a.url.localeCompare(b.url))
  .filter((source) => {
    const n = perSite.get(source.site) ?? 0;
    perSite.set(source.site, n + 1);
    return n < 2;
  })
  .slice(0, maxSources);
console.log(`${byUrl.size} distinct pages from ${queries.length} searches; reading ${sources.length}`);

// Fan-out 2: fetch and summarise every chosen source in parallel. A page that fails to load is
// left out of the brief, not fatal.
const notes = await Promise.all(
  sources.map(async (source) => {
    try {
      const page = await fetchPage({ url: source.url });
      const summary = await summarize({ text: page.text, focus: topic, maxWords: 40 });
      return { ...source, published: page.published, summary: summary.text, claims: summary.claims };
    } catch (error) {
      console.warn(`skipped ${source.url}: ${error.message}`);
      return null;
    }
  }),
);
const read = notes.filter((note) => note !== null);
if (read.length < 2) {
  throw new Error(`too few readable sources for "${topic}": ${read.length} of ${sources.length}`);
}

// Reduce: claims made by more than one source are findings; the rest are single-source leads.
const claims = read.reduce((acc, note, i) => {
  for (const claim of note.claims) {
    const key = claim.toLowerCase();
    const entry = acc.get(key) ?? { claim, refs: [] };
    entry.refs.push(i + 1);
    acc.set(key, entry);
  }
  return acc;
}, new Map());
const ranked = [...claims.values()].sort((a, b) => b.refs.length - a.refs.length || a.claim.localeCompare(b.claim));
const cite = (refs) => refs.map((r) => `[${r}]`).join('');

({
  topic,
  findings: ranked.filter((c) => c.refs.length > 1).map((c) => `${c.claim} ${cite(c.refs)}`),
  leads: ranked.filter((c) => c.refs.length === 1).map((c) => `${c.claim} ${cite(c.refs)}`),
  sources: read.map((note, i) => ({ ref: i + 1, title: note.title, url: note.url, published: note.published })),
  skipped: sources.length - read.length,
});
