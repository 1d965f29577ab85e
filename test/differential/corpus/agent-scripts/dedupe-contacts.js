const SOURCES = {
  crm: [{ name: 'Ann Lee', email: 'ANN@EXAMPLE.COM' }, { name: 'Bob Ray', email: 'bob@example.com' }],
  mail: [{ name: 'ann lee', email: 'ann@example.com ' }, { name: 'Cid Moe', email: 'cid@example.com' }],
  phone: [{ name: 'Bob R.', email: 'Bob@Example.com' }],
};
async function load(source) {
  await null;
  return SOURCES[source].map((c) => ({ ...c, source }));
}
const all = (await Promise.all(Object.keys(SOURCES).map(load))).flat();
const byEmail = new Map();
for (const c of all) {
  const key = c.email.trim().toLowerCase();
  const existing = byEmail.get(key);
  if (existing) existing.sources.push(c.source);
  else byEmail.set(key, { email: key, name: c.name, sources: [c.source] });
}
({ total: all.length, unique: byEmail.size, contacts: [...byEmail.values()] })
