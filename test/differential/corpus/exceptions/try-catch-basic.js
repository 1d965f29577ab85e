const results = [];
try {
  results.push('before');
  throw new Error('boom');
  results.push('unreachable');
} catch (e) {
  results.push(e.message, e instanceof Error, e.name);
}
try {
  results.push('no throw');
} catch {
  results.push('never');
}
results
