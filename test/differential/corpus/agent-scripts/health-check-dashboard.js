const checks = {
  database: async () => ({ latencyMs: 12 }),
  cache: async () => { throw new Error('connection refused'); },
  search: async () => { await null; return { latencyMs: 250 }; },
  email: async () => ({ latencyMs: 40, degraded: true }),
};
const names = Object.keys(checks);
const results = await Promise.allSettled(names.map((n) => checks[n]()));
const dashboard = names.map((name, i) => {
  const r = results[i];
  if (r.status === 'rejected') return { name, status: 'down', detail: r.reason.message };
  const slow = r.value.latencyMs > 200;
  return { name, status: r.value.degraded || slow ? 'degraded' : 'up', detail: `${r.value.latencyMs}ms` };
});
const overall = dashboard.some((d) => d.status === 'down') ? 'red' : dashboard.some((d) => d.status === 'degraded') ? 'amber' : 'green';
({ overall, dashboard })
