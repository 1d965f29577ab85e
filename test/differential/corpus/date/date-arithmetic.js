const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2024-02-27T00:00:00Z');
const dates = Array.from({ length: 5 }, (_, i) => new Date(start.getTime() + i * DAY).toISOString().slice(0, 10));
const diffDays = (a, b) => Math.round((new Date(b) - new Date(a)) / DAY);
const addMonths = (iso, n) => {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
[dates, diffDays('2024-01-01', '2024-12-31'), diffDays('2023-01-01', '2024-01-01'), addMonths('2024-01-31', 1), addMonths('2024-03-31', -1), addMonths('2024-02-29', 12)]
