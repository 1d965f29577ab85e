// An async generator's `return expr` awaits its value (one job), a bare `return;` does not:
// the results' positions among a concurrent promise chain's ticks are compared.
const log = [];
async function* g() { log.push('g start'); yield 1; log.push('g after yield'); return Promise.resolve('r'); }
async function* h() { log.push('h start'); return; }
async function* k() { try { return Promise.reject(new Error('no')); } catch (e) { log.push('caught ' + e.message); yield 'k'; } }
async function ticker(n) { for (let i = 0; i < n; i++) { log.push('t' + i); await null; } }
async function main() {
  const t = ticker(14);
  const it = g();
  log.push(JSON.stringify(await it.next()));
  log.push(JSON.stringify(await it.next()));
  log.push(JSON.stringify(await h().next()));
  log.push(JSON.stringify(await k().next()));
  await t;
  return log;
}
main();
