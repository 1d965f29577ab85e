const log = [];
async function step(i) {
  log.push('start ' + i);
  await null;
  log.push('end ' + i);
  return i * i;
}
const sequential = [];
for (const i of [1, 2, 3]) sequential.push(await step(i));
log.push('---');
const parallel = await Promise.all([1, 2, 3].map(step));
[sequential, parallel, log]
