const scores = { ann: 90, bob: 72, cid: 85 };
let best = null;
for (const [name, score] of Object.entries(scores)) {
  if (!best || score > best.score) best = { name, score };
}
const avg = Object.values(scores).reduce((a, b) => a + b) / Object.keys(scores).length;
[best, avg, Object.entries(scores).filter(([, s]) => s > avg).map(([n]) => n)]
