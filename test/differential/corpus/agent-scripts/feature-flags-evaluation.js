const FLAGS = {
  newCheckout: { rollout: 50, allow: ['beta'] },
  darkMode: { rollout: 100 },
  aiSummary: { rollout: 0, allow: ['staff'] },
};
const users = [{ id: 'u1', groups: ['beta'] }, { id: 'u2', groups: [] }, { id: 'u3', groups: ['staff'] }, { id: 'u42', groups: [] }];
function bucket(id, flag) {
  let h = 0;
  for (const ch of id + ':' + flag) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 100;
}
async function evaluate(user) {
  await null;
  const on = Object.entries(FLAGS)
    .filter(([name, f]) => (f.allow ?? []).some((g) => user.groups.includes(g)) || bucket(user.id, name) < f.rollout)
    .map(([name]) => name);
  return [user.id, on];
}
Object.fromEntries(await Promise.all(users.map(evaluate)))
