const DOCUMENT = 'Capsule runs agent scripts in a sandbox. Each script can call tools. Tools are async. Results are structured. Budgets limit work. Snapshots capture state.';
const countTokens = (s) => s.split(/\s+/).filter(Boolean).length;
function chunk(text, maxTokens) {
  const sentences = text.match(/[^.]+\./g).map((s) => s.trim());
  const chunks = [];
  let cur = [];
  for (const s of sentences) {
    if (cur.length && countTokens([...cur, s].join(' ')) > maxTokens) {
      chunks.push(cur.join(' '));
      cur = [];
    }
    cur.push(s);
  }
  if (cur.length) chunks.push(cur.join(' '));
  return chunks;
}
async function embed(c, i) {
  await null;
  return { i, tokens: countTokens(c), first: c.split(' ')[0] };
}
const chunks = chunk(DOCUMENT, 10);
const embedded = await Promise.all(chunks.map(embed));
({ chunks: chunks.length, embedded, totalTokens: embedded.reduce((s, e) => s + e.tokens, 0) })
