const bad = [new Date('not a date'), new Date('2024-13-01T00:00:00Z'), new Date(NaN), new Date(8.64e15 + 1)];
const r = bad.map((d) => [d.getTime(), String(d.valueOf()), Number.isNaN(d.getTime())]);
for (const d of bad.slice(0, 2)) {
  try { d.toISOString(); } catch (e) { r.push(e.name); }
}
r.push(JSON.stringify({ d: bad[0] }), String(bad[0]), new Date(8.64e15).toISOString(), new Date(-8.64e15).toISOString());
r
