const V1 = { '/users': { fields: ['id', 'name', 'email'] }, '/orders': { fields: ['id', 'total'] }, '/legacy': { fields: ['x'] } };
const V2 = { '/users': { fields: ['id', 'name', 'email', 'avatar'] }, '/orders': { fields: ['id', 'amount'] }, '/search': { fields: ['q'] } };
async function spec(version) {
  await null;
  return version === 1 ? V1 : V2;
}
const [a, b] = await Promise.all([spec(1), spec(2)]);
const endpoints = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
const changes = endpoints.map((ep) => {
  if (!a[ep]) return { ep, change: 'added' };
  if (!b[ep]) return { ep, change: 'removed' };
  const removed = a[ep].fields.filter((f) => !b[ep].fields.includes(f));
  const added = b[ep].fields.filter((f) => !a[ep].fields.includes(f));
  return { ep, change: removed.length ? 'breaking' : added.length ? 'extended' : 'same', added, removed };
});
({ changes, breaking: changes.filter((c) => c.change === 'breaking' || c.change === 'removed').map((c) => c.ep) })
