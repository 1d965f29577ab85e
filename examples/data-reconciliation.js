// Data reconciliation: match one business day of the general ledger against the bank's statement,
// account by account, and open a ticket for the finance team when anything does not match.
//
// Inputs: `date` (the business day, YYYY-MM-DD), `accounts` (account ids) and `tolerance` (the
// largest difference, in the account's currency, still counted as a match — rounding, fees).
// Capabilities: fetchLedger (paged by a cursor), fetchStatement, convertCurrency, openTicket.

if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`date must be YYYY-MM-DD, got "${date}"`);

// Money in integer cents, so sums and differences are exact.
const cents = (amount) => Math.round(amount * 100);
const money = (c) => c / 100;

// The ledger API returns pages: follow the cursor until there is none.
async function ledgerEntries(account) {
  const entries = [];
  let cursor = null;
  do {
    const page = await fetchLedger({ account, date, cursor, pageSize: 25 });
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

async function reconcile(account) {
  const [ledger, statement] = await Promise.all([ledgerEntries(account), fetchStatement({ account, date })]);

  // Card settlements can arrive in another currency: convert them at the day's rate.
  const foreign = [...new Set(statement.lines.map((l) => l.currency))].filter((c) => c !== statement.currency);
  const rates = new Map(
    await Promise.all(
      foreign.map(async (from) => [from, (await convertCurrency({ from, to: statement.currency, date })).rate]),
    ),
  );
  const bankCents = (line) => cents(line.currency === statement.currency ? line.amount : line.amount * rates.get(line.currency));

  const unmatched = new Map(statement.lines.map((line) => [line.reference, line]));
  const mismatched = [];
  const missingInBank = [];
  let matched = 0;
  for (const entry of ledger) {
    const line = unmatched.get(entry.reference);
    if (!line) {
      missingInBank.push(entry.reference);
      continue;
    }
    unmatched.delete(entry.reference);
    const difference = bankCents(line) - cents(entry.amount);
    if (Math.abs(difference) <= cents(tolerance)) matched++;
    else mismatched.push({ reference: entry.reference, ledger: entry.amount, bank: money(bankCents(line)), difference: money(difference) });
  }

  return {
    account,
    ledgerTotal: money(ledger.reduce((sum, e) => sum + cents(e.amount), 0)),
    bankTotal: money(statement.lines.reduce((sum, l) => sum + bankCents(l), 0)),
    matched,
    mismatched,
    missingInBank,
    missingInLedger: [...unmatched.keys()],
  };
}

const results = await Promise.all(accounts.map(reconcile));

const problems = results.flatMap((r) => [
  ...r.mismatched.map((m) => `${r.account}: ${m.reference} differs by ${m.difference} (ledger ${m.ledger}, bank ${m.bank})`),
  ...r.missingInBank.map((ref) => `${r.account}: ${ref} is in the ledger but not on the statement`),
  ...r.missingInLedger.map((ref) => `${r.account}: ${ref} is on the statement but not in the ledger`),
]);
for (const line of problems) console.warn(line);

let ticket = null;
if (problems.length > 0) {
  const largest = Math.max(...results.flatMap((r) => r.mismatched.map((m) => Math.abs(m.difference))), 0);
  ticket = await openTicket({
    queue: 'finance-ops',
    priority: largest >= 1000 || problems.length > 5 ? 'high' : 'normal',
    title: `Reconciliation ${date}: ${problems.length} discrepanc${problems.length === 1 ? 'y' : 'ies'}`,
    body: problems.join('\n'),
  });
}

({
  date,
  status: problems.length === 0 ? 'balanced' : 'discrepancies',
  accounts: results.map(({ account, ledgerTotal, bankTotal, matched }) => ({ account, ledgerTotal, bankTotal, matched })),
  discrepancies: problems,
  ticket: ticket && ticket.id,
});
