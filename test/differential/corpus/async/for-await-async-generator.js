async function* ticker(n) {
  for (let i = 0; i < n; i++) {
    await null;
    yield i * 10;
  }
}
const seen = [];
for await (const v of ticker(4)) {
  seen.push(v);
}
seen
