// Async generator requests queued at once (next x5, return before the first next), nested for
// await with a labelled break: results and jobs in V8's order.
const log = [];
async function ticker(n) { for (let i = 0; i < n; i++) { log.push('t' + i); await null; } }
async function* counter() { let i = 0; while (i < 3) { const cmd = yield i++; if (cmd) log.push('cmd ' + cmd); } return 'c-done'; }
const t = ticker(24);
const it = counter();
const all = await Promise.all([it.next(), it.next('a'), it.next('b'), it.next('c'), it.next()]);
log.push(JSON.stringify(all));
const gen2 = counter();
const r = await Promise.all([gen2.return('x'), gen2.next()]);
log.push(JSON.stringify(r));
label: for await (const v of counter()) { for await (const w of [v, v + 1]) { if (w === 2) break label; log.push('vw ' + v + w); } }
await t;
log
