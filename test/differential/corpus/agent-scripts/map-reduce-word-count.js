const shards = [
  'the cat sat on the mat',
  'the dog sat on the log',
  'a cat and a dog',
];
async function mapShard(text, idx) {
  await null;
  const counts = {};
  for (const w of text.split(' ')) counts[w] = (counts[w] || 0) + 1;
  console.log(`shard ${idx}: ${Object.keys(counts).length} distinct`);
  return counts;
}
const partials = await Promise.all(shards.map(mapShard));
const merged = partials.reduce((acc, part) => {
  for (const [w, c] of Object.entries(part)) acc[w] = (acc[w] || 0) + c;
  return acc;
}, {});
const top = Object.entries(merged).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4);
({ distinct: Object.keys(merged).length, top })
