const fromArr = new Map([[1, 'a'], [2, 'b']]);
const fromMap = new Map(fromArr);
const fromEntries = new Map(Object.entries({ x: 1, y: 2 }));
const fromGen = new Map((function* () { yield ['g', 1]; })());
const r = [fromMap === fromArr, [...fromMap], [...fromEntries], [...fromGen], new Map().size, new Map(null).size, new Map(undefined).size];
for (const bad of [[1, 2], 5, [[1, 2], 'x']]) {
  try { new Map(bad); r.push('ok'); } catch (e) { r.push(e.name); }
}
try { Map(); } catch (e) { r.push(e.name); }
r
