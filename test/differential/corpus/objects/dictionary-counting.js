const text = 'the quick brown fox jumps over the lazy dog the end';
const counts = {};
for (const word of text.split(' ')) {
  counts[word] = (counts[word] ?? 0) + 1;
}
const top = Object.entries(counts)
  .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
  .slice(0, 3);
const proto = {};
proto.constructor = 'shadowed';
[counts.the, top, Object.keys(counts).length, proto.constructor, 'toString' in counts]
