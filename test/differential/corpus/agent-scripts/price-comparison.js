const VENDORS = {
  alpha: { widget: 9.99, gadget: 24.5 },
  beta: { widget: 8.75, gizmo: 3.1 },
  gamma: { widget: 10.25, gadget: 22.0, gizmo: 2.95 },
};
async function quote(vendor, item) {
  await null;
  const price = VENDORS[vendor][item];
  if (price === undefined) throw new Error(`${vendor} does not sell ${item}`);
  return { vendor, item, price };
}
const items = ['widget', 'gadget', 'gizmo', 'doohickey'];
const best = {};
for (const item of items) {
  const quotes = await Promise.allSettled(Object.keys(VENDORS).map((v) => quote(v, item)));
  const offers = quotes.filter((q) => q.status === 'fulfilled').map((q) => q.value);
  best[item] = offers.length ? offers.reduce((a, b) => (b.price < a.price ? b : a)).vendor : null;
}
const basket = ['widget', 'gadget', 'gizmo'].reduce((s, it) => s + VENDORS[best[it]][it], 0);
({ best, basket: Number(basket.toFixed(2)) })
