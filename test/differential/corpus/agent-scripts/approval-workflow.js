const requests = [
  { id: 'r1', amount: 50, requester: 'ann' },
  { id: 'r2', amount: 5000, requester: 'bob' },
  { id: 'r3', amount: 700, requester: 'cid' },
  { id: 'r4', amount: 120, requester: 'mallory' },
];
const BLOCKED = new Set(['mallory']);
async function fraudCheck(r) { await null; return !BLOCKED.has(r.requester); }
async function managerApproval(r) { await null; return r.amount < 1000; }
async function process(r) {
  if (!(await fraudCheck(r))) return { id: r.id, state: 'rejected', reason: 'fraud' };
  if (r.amount <= 100) return { id: r.id, state: 'auto-approved' };
  const ok = await managerApproval(r);
  return { id: r.id, state: ok ? 'approved' : 'escalated' };
}
const decisions = await Promise.all(requests.map(process));
const byState = decisions.reduce((acc, d) => ({ ...acc, [d.state]: [...(acc[d.state] ?? []), d.id] }), {});
({ decisions, byState })
