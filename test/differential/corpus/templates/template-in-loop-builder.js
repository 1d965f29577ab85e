const rows = [
  { sku: 'A-1', qty: 2, price: 3.5 },
  { sku: 'B-22', qty: 10, price: 0.99 },
  { sku: 'C-333', qty: 1, price: 120 },
];
const lines = rows.map(({ sku, qty, price }) => `${sku.padEnd(6)}|${String(qty).padStart(3)}|${(qty * price).toFixed(2).padStart(8)}`);
const total = rows.reduce((t, r) => t + r.qty * r.price, 0);
lines.push(`${'TOTAL'.padEnd(10)}|${total.toFixed(2).padStart(8)}`);
lines
