const o = {
  a: 1,
  get b() { return 2; },
  c: 3,
  set d(v) {},
};
const seen = [];
for (const k in o) seen.push(k);
[seen, Object.keys(o), Object.values(o), JSON.stringify(o)]
