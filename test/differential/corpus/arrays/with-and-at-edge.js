const a = [10, 20, 30];
const r = [a.with(0, 'first'), a.with(-3, 'neg'), a.with('1', 'str idx'), a];
for (const bad of [3, -4, Infinity]) {
  try { a.with(bad, 0); } catch (e) { r.push(`${bad}:${e.name}`); }
}
r.push([, 1].with(0, 'filled'), [1, , 3].with(0, 'x'));
r
