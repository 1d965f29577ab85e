const isLeap = (y) => new Date(Date.UTC(y, 1, 29)).getUTCMonth() === 1;
const daysInMonth = (y, m) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
[
  [1900, 2000, 2023, 2024, 2100].map(isLeap),
  Array.from({ length: 12 }, (_, m) => daysInMonth(2024, m)),
  daysInMonth(2023, 1),
]
