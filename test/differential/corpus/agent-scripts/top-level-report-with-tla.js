const regions = ['eu', 'us', 'apac'];
const REVENUE = { eu: [120, 135, 150], us: [200, 180, 220], apac: [80, 95, 130] };
const fetchRevenue = async (r) => {
  await null;
  return REVENUE[r];
};
const series = Object.fromEntries(await Promise.all(regions.map(async (r) => [r, await fetchRevenue(r)])));
const growth = Object.fromEntries(Object.entries(series).map(([r, xs]) => [r, Number((((xs.at(-1) - xs[0]) / xs[0]) * 100).toFixed(1))]));
const fastest = Object.entries(growth).sort((a, b) => b[1] - a[1])[0][0];
console.log(`fastest growing region: ${fastest}`);
({ series, growth, fastest, total: Object.values(series).flat().reduce((a, b) => a + b, 0) })
