// Approval workflow: a purchase request goes through policy checks, then waits for people to
// approve it, then becomes a purchase order — or is turned down with a reason.
//
// Input: `request` — { id, requester, vendor, amount, currency, purpose }.
// Capabilities: lookupEmployee, getBudget, screenVendor, createPurchaseOrder, notify, and
// requestApproval, which asks a human and waits for the answer ({ decision, comment }). Its entry in
// approval-workflow.mocks.json is "ask": in the IDE the run waits and the Capabilities view asks
// you ("ask me"); scenarios give the answers in advance.

const AUTO_APPROVE_LIMIT = 1000;
const FINANCE_LIMIT = 10000;
const FINANCE_APPROVER = 'finance-approvals@example.com';

const { id, requester, vendor, amount, currency, purpose } = request;
if (!(amount > 0)) throw new RangeError(`request ${id}: amount must be positive, got ${amount}`);

// Independent checks go out together.
const [employee, screening] = await Promise.all([lookupEmployee({ email: requester }), screenVendor({ name: vendor })]);
const budget = await getBudget({ costCenter: employee.costCenter, currency });

async function decline(reason) {
  await notify({ to: requester, subject: `Purchase request ${id} declined`, body: reason });
  return { id, status: 'declined', reason, approvals, purchaseOrder: null };
}

const approvals = [];
let outcome = null;
if (screening.status === 'blocked') {
  outcome = await decline(`${vendor} is blocked by procurement: ${screening.reason}`);
} else if (amount > budget.remaining) {
  outcome = await decline(`cost center ${employee.costCenter} has ${budget.remaining} ${currency} left, the request is ${amount} ${currency}`);
}

// Who has to say yes: nobody for small purchases from known vendors; the manager otherwise;
// finance as well for large amounts or vendors procurement has not reviewed yet.
const approvers = [];
if (amount >= AUTO_APPROVE_LIMIT || screening.status !== 'approved') approvers.push(employee.manager);
if (amount >= FINANCE_LIMIT || screening.status === 'new') approvers.push(FINANCE_APPROVER);

// One approver after another; the first "reject" ends the request. Each call waits for a person.
const due = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
for (const approver of outcome ? [] : approvers) {
  const answer = await requestApproval({
    approver,
    requestId: id,
    summary: `${employee.name} asks for ${amount} ${currency} to ${vendor}: ${purpose}`,
    notes: [screening.status === 'new' ? `${vendor} is a new vendor (risk ${screening.risk})` : null, `due ${due}`].filter(Boolean),
  });
  approvals.push({ approver, decision: answer.decision, comment: answer.comment ?? '' });
  if (answer.decision !== 'approve') {
    outcome = await decline(`${approver} rejected it: ${answer.comment ?? 'no comment'}`);
    break;
  }
}

if (!outcome) {
  const po = await createPurchaseOrder({ requestId: id, vendor, amount, currency, costCenter: employee.costCenter, approvedBy: approvals.map((a) => a.approver) });
  await notify({ to: requester, subject: `Purchase request ${id} approved`, body: `Purchase order ${po.number} was sent to ${vendor}.` });
  outcome = { id, status: approvals.length ? 'approved' : 'auto-approved', reason: null, approvals, purchaseOrder: po.number };
}

console.log(`${id}: ${outcome.status}${outcome.reason ? ` (${outcome.reason})` : ''}`);
outcome;
