const records = [
  { id: 1, email: 'ann@example.com', age: 31 },
  { id: 2, email: 'bob@', age: 17 },
  { id: 3, email: 'cid@example.org', age: -4 },
  { id: 4, email: 'dee@example.net', age: 45 },
];
const rules = [
  ['email', (r) => /^[^@\s]+@[^@\s]+\.\w+$/.test(r.email)],
  ['adult', (r) => r.age >= 18],
  ['age-valid', (r) => r.age >= 0 && r.age < 150],
];
async function validate(record) {
  await null;
  const failed = rules.filter(([, check]) => !check(record)).map(([name]) => name);
  return { id: record.id, valid: failed.length === 0, failed };
}
const results = await Promise.all(records.map(validate));
const byRule = Object.fromEntries(rules.map(([name]) => [name, results.filter((r) => r.failed.includes(name)).map((r) => r.id)]));
({ valid: results.filter((r) => r.valid).map((r) => r.id), byRule })
