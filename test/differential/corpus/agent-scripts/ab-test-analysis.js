const VARIANTS = {
  control: { visitors: 1000, conversions: 52 },
  blue: { visitors: 980, conversions: 61 },
  green: { visitors: 1020, conversions: 49 },
};
async function fetchVariant(name) {
  await null;
  return { name, ...VARIANTS[name] };
}
const data = await Promise.all(Object.keys(VARIANTS).map(fetchVariant));
const rate = (v) => v.conversions / v.visitors;
const control = data.find((v) => v.name === 'control');
const analysis = data.filter((v) => v !== control).map((v) => {
  const lift = (rate(v) - rate(control)) / rate(control);
  return { name: v.name, rate: Number(rate(v).toFixed(4)), liftPct: Number((lift * 100).toFixed(1)) };
});
({ controlRate: Number(rate(control).toFixed(4)), analysis, winner: analysis.reduce((a, b) => (b.liftPct > a.liftPct ? b : a)).name })
