const inventory = { a1: 5, b2: 0, c3: 12 };
async function checkStock(sku) {
  await null;
  if (!(sku in inventory)) throw new RangeError(`no such sku: ${sku}`);
  return { sku, qty: inventory[sku] };
}
const skus = ['a1', 'zz', 'b2', 'c3', 'yy'];
const settled = await Promise.allSettled(skus.map(checkStock));
const ok = settled.filter((s) => s.status === 'fulfilled').map((s) => s.value);
const failed = settled
  .map((s, i) => (s.status === 'rejected' ? { sku: skus[i], error: s.reason.name } : null))
  .filter(Boolean);
({
  inStock: ok.filter((x) => x.qty > 0).map((x) => x.sku),
  outOfStock: ok.filter((x) => x.qty === 0).map((x) => x.sku),
  failed,
  totalUnits: ok.reduce((s, x) => s + x.qty, 0),
})
