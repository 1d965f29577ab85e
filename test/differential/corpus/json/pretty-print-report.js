const report = {
  title: 'Q1',
  totals: { revenue: 12500.5, costs: 8000 },
  regions: [{ name: 'EU', growth: 0.12 }, { name: 'US', growth: -0.03 }],
  notes: [],
};
const pretty = JSON.stringify(report, null, 2);
const lines = pretty.split('\n');
[lines.length, lines[0], lines[2], lines.at(-2), pretty.includes('"notes": []')]
