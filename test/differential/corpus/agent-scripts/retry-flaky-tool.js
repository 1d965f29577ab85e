const failuresBeforeSuccess = { search: 2, fetch: 0, parse: 5 };
const attempts = {};
async function callTool(name) {
  attempts[name] = (attempts[name] ?? 0) + 1;
  await null;
  if (attempts[name] <= failuresBeforeSuccess[name]) throw new Error(`${name} transient failure #${attempts[name]}`);
  return `${name}:ok`;
}
async function withRetry(name, max = 3) {
  let lastError;
  for (let i = 0; i < max; i++) {
    try {
      return await callTool(name);
    } catch (e) {
      lastError = e;
      console.warn(`retrying ${name} after: ${e.message}`);
    }
  }
  return `${name}:gave up (${lastError.message})`;
}
const results = await Promise.all(Object.keys(failuresBeforeSuccess).map((n) => withRetry(n)));
({ results, attempts })
