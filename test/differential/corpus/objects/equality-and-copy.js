const a = { x: 1, nested: { y: 2 } };
const shallow = { ...a };
const viaAssign = Object.assign({}, a);
const deep = JSON.parse(JSON.stringify(a));
shallow.x = 100;
shallow.nested.y = 200;
[a.x, a.nested.y, viaAssign.nested === a.nested, deep.nested === a.nested, deep.nested.y, structuredCloneLike(a)];
function structuredCloneLike(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(structuredCloneLike);
  return Object.fromEntries(Object.entries(v).map(([k, val]) => [k, structuredCloneLike(val)]));
}
