let attempts = 0;
async function flaky() {
  attempts++;
  await null;
  if (attempts < 3) throw new Error(`attempt ${attempts} failed`);
  return `succeeded on attempt ${attempts}`;
}
async function retry(fn, max) {
  const errors = [];
  for (let i = 0; i < max; i++) {
    try {
      return { result: await fn(), errors };
    } catch (e) {
      errors.push(e.message);
    }
  }
  throw new AggregateError(errors.map((m) => new Error(m)), 'all retries failed');
}
const ok = await retry(flaky, 5);
attempts = -10;
const failed = await retry(flaky, 2).catch((e) => [e.name, e.message, e.errors.length]);
[ok, failed]
