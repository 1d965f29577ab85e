let tick = 0;
const clock = async (n) => {
  for (let i = 0; i < n; i++) {
    await null;
    tick++;
  }
};
async function task(name, cost) {
  const start = tick;
  await clock(cost);
  return { name, start, end: tick };
}
const seq = [];
for (const [n, c] of [['a', 2], ['b', 3]]) seq.push(await task(n, c));
const seqTicks = tick;
tick = 0;
const par = await Promise.all([task('a', 2), task('b', 3)]);
({ seq, seqTicks, par, parTicks: tick })
