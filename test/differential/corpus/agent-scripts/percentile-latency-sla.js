const ENDPOINTS = {
  '/login': [120, 130, 90, 400, 110, 105, 98, 125, 130, 800],
  '/search': [40, 45, 50, 42, 48, 41, 44, 47, 49, 46],
  '/upload': [900, 1200, 1100, 950, 1000, 1300, 1250, 980, 1010, 1150],
};
const SLA = { '/login': 300, '/search': 100, '/upload': 1200 };
async function samples(ep) {
  await null;
  return ENDPOINTS[ep];
}
const pct = (xs, p) => xs.toSorted((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1];
const rows = await Promise.all(Object.keys(ENDPOINTS).map(async (ep) => {
  const xs = await samples(ep);
  const p90 = pct(xs, 90);
  return { ep, p50: pct(xs, 50), p90, ok: p90 <= SLA[ep] };
}));
({ rows, violations: rows.filter((r) => !r.ok).map((r) => r.ep) })
