let resolveSelf;
const p = new Promise((r) => {
  resolveSelf = r;
});
resolveSelf(p);
const r = [];
try {
  await p;
} catch (e) {
  r.push(e.name);
}
const chained = Promise.resolve().then(() => chained);
await chained.catch((e) => r.push(e.name));
r
