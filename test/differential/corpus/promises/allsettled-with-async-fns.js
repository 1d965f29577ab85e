const checks = {
  db: async () => 'up',
  cache: async () => { throw new Error('timeout'); },
  queue: async () => { await null; return 'up'; },
};
const names = Object.keys(checks);
const settled = await Promise.allSettled(names.map((n) => checks[n]()));
const report = Object.fromEntries(names.map((n, i) => [n, settled[i].status === 'fulfilled' ? settled[i].value : 'down: ' + settled[i].reason.message]));
({ report, healthy: settled.every((s) => s.status === 'fulfilled') })
