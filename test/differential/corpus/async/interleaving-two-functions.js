const log = [];
async function worker(name, steps) {
  for (let i = 0; i < steps; i++) {
    log.push(`${name}${i}`);
    await undefined;
  }
  return name + ' done';
}
const results = await Promise.all([worker('A', 3), worker('B', 2), worker('C', 4)]);
[log, results]
