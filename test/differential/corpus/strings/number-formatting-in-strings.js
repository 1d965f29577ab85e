const items = [['Widget', 4, 3.5], ['Gadget', 12, 0.333], ['Thing', 1, 1000]];
const header = `${'Name'.padEnd(8)}${'Qty'.padStart(5)}${'Price'.padStart(10)}`;
const rows = items.map(([n, q, p]) => `${n.padEnd(8)}${String(q).padStart(5)}${p.toFixed(2).padStart(10)}`);
const total = items.reduce((s, [, q, p]) => s + q * p, 0);
[header, ...rows, `TOTAL ${total.toFixed(3)}`]
