function formatDuration(ms) {
  const units = [['d', 86400000], ['h', 3600000], ['m', 60000], ['s', 1000], ['ms', 1]];
  const parts = [];
  for (const [label, size] of units) {
    const n = Math.floor(ms / size);
    if (n) parts.push(n + label);
    ms -= n * size;
  }
  return parts.join(' ') || '0ms';
}
const start = new Date('2024-02-28T22:15:00Z');
const end = new Date('2024-03-01T01:20:30.250Z');
[formatDuration(end - start), formatDuration(0), formatDuration(999), formatDuration(86400000 * 3 + 1)]
