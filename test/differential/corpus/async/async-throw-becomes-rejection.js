async function fails() {
  throw new TypeError('async failure');
}
const p = fails();
const r = [typeof p.then];
try {
  await p;
} catch (e) {
  r.push(e.name, e.message);
}
const viaCatch = await fails().catch((e) => 'caught ' + e.name);
r.push(viaCatch);
r
