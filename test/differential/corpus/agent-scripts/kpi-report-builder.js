const METRICS = {
  signups: [12, 18, 25, 31],
  churn: [3, 2, 4, 2],
  revenue: [1200.5, 1350, 1610.25, 1890],
};
async function fetchMetric(name) {
  await null;
  if (!(name in METRICS)) throw new Error(`unknown metric ${name}`);
  return METRICS[name];
}
const names = ['signups', 'churn', 'revenue', 'nps'];
const settled = await Promise.allSettled(names.map(fetchMetric));
const report = { generatedFor: '2024-Q1', metrics: {}, missing: [] };
names.forEach((name, i) => {
  const s = settled[i];
  if (s.status === 'rejected') {
    report.missing.push(name);
    return;
  }
  const xs = s.value;
  report.metrics[name] = { last: xs.at(-1), change: Number((xs.at(-1) - xs[0]).toFixed(2)), trend: xs.at(-1) >= xs[0] ? 'up' : 'down' };
});
report.netGrowth = report.metrics.signups.last - report.metrics.churn.last;
report
