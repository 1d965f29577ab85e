const services = ['api', 'db', 'queue', 'cache'];
const SAMPLES = {
  api: [120, 95, 130, 88],
  db: [15, 22, 18, 400],
  queue: [5, 6, 5, 7],
  cache: [1, 1, 2, 1],
};
async function fetchLatencies(svc) {
  await null;
  return SAMPLES[svc];
}
const percentile = (xs, p) => {
  const s = xs.toSorted((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const data = await Promise.all(services.map(async (svc) => {
  const xs = await fetchLatencies(svc);
  return [svc, { p50: percentile(xs, 50), max: Math.max(...xs), mean: xs.reduce((a, b) => a + b) / xs.length }];
}));
const stats = Object.fromEntries(data);
({ stats, alerts: Object.entries(stats).filter(([, s]) => s.max > 200).map(([svc]) => svc) })
