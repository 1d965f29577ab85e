const orders = [
  { customer: 'ann', total: 30, status: 'paid' },
  { customer: 'bob', total: 12.5, status: 'pending' },
  { customer: 'ann', total: 7.25, status: 'paid' },
  { customer: 'cid', total: 99, status: 'refunded' },
  { customer: 'bob', total: 40, status: 'paid' },
];
const byCustomer = orders.reduce((acc, o) => {
  (acc[o.customer] ||= []).push(o.total);
  return acc;
}, {});
const totals = Object.fromEntries(Object.entries(byCustomer).map(([c, ts]) => [c, ts.reduce((a, b) => a + b, 0)]));
const statusCounts = orders.reduce((m, o) => m.set(o.status, (m.get(o.status) ?? 0) + 1), new Map());
[byCustomer, totals, [...statusCounts]]
