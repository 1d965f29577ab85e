const items = Array.from({ length: 100 }, (_, i) => ({ key: i % 5, seq: i }));
const sorted = items.toSorted((a, b) => a.key - b.key);
let stable = true;
for (let i = 1; i < sorted.length; i++) {
  if (sorted[i - 1].key === sorted[i].key && sorted[i - 1].seq > sorted[i].seq) stable = false;
}
[stable, sorted.slice(0, 3).map((x) => x.seq), sorted.slice(-3).map((x) => x.seq)]
