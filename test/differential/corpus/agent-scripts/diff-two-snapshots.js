const before = { users: 10, plans: { free: 7, pro: 3 }, regions: ['eu', 'us'], status: 'ok' };
const after = { users: 12, plans: { free: 7, pro: 4, team: 1 }, regions: ['eu', 'us', 'ap'], status: 'ok' };
async function loadSnapshot(which) {
  await null;
  return which === 'before' ? before : after;
}
function diff(a, b, path = '') {
  const changes = [];
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const k of keys) {
    const p = path ? `${path}.${k}` : k;
    const x = a?.[k], y = b?.[k];
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x)) changes.push(...diff(x, y, p));
    else if (JSON.stringify(x) !== JSON.stringify(y)) changes.push({ path: p, from: x ?? null, to: y ?? null });
  }
  return changes;
}
const [a, b] = await Promise.all([loadSnapshot('before'), loadSnapshot('after')]);
diff(a, b)
