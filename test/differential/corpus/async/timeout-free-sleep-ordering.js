function ticks(n) {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => {});
  return p;
}
const log = [];
async function job(name, delay) {
  await ticks(delay);
  log.push(name);
  return name;
}
const winner = await Promise.race([job('slow', 5), job('fast', 1), job('medium', 3)]);
await ticks(10);
[winner, log]
