function ticks(n) {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => {});
  return p;
}
async function primary(q) {
  await ticks(10);
  return `primary answer for ${q}`;
}
async function cache(q) {
  await ticks(2);
  if (q === 'cold') throw new Error('cache miss');
  return `cached answer for ${q}`;
}
async function answer(q) {
  const timeout = ticks(5).then(() => { throw new Error('timeout'); });
  try {
    return await Promise.any([cache(q), Promise.race([primary(q), timeout])]);
  } catch (e) {
    return `failed: ${e.errors.map((x) => x.message).join(', ')}`;
  }
}
await Promise.all(['warm', 'cold'].map(answer))
