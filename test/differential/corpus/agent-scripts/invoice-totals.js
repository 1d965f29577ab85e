const invoices = [
  { id: 'INV-1', lines: [{ sku: 'a', qty: 2, unit: 9.99 }, { sku: 'b', qty: 1, unit: 120 }], country: 'DE' },
  { id: 'INV-2', lines: [{ sku: 'c', qty: 10, unit: 0.5 }], country: 'FR' },
  { id: 'INV-3', lines: [], country: 'US' },
];
const TAX = { DE: 0.19, FR: 0.2 };
async function taxRate(country) {
  await null;
  if (!(country in TAX)) throw new Error(`no tax table for ${country}`);
  return TAX[country];
}
const round2 = (x) => Math.round(x * 100) / 100;
const totals = await Promise.all(invoices.map(async (inv) => {
  const net = inv.lines.reduce((s, l) => s + l.qty * l.unit, 0);
  try {
    const rate = await taxRate(inv.country);
    return { id: inv.id, net: round2(net), gross: round2(net * (1 + rate)) };
  } catch (e) {
    return { id: inv.id, net: round2(net), error: e.message };
  }
}));
({ totals, grandNet: round2(totals.reduce((s, t) => s + t.net, 0)) })
