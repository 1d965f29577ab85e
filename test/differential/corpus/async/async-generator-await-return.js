// return() on an async generator that has not started or has completed awaits its value
// first (a rejection rejects that request; a thenable is adopted) and later requests wait for it.
const log = [];
async function ticker(n) { for (let i = 0; i < n; i++) { log.push('t' + i); await null; } }
async function* g() { yield 1; }
async function main() {
  const t = ticker(30);
  const a = g();
  const ps = [a.return(Promise.reject(new Error('rj'))), a.next(), a.return('r2'), a.throw(new Error('th')), a.return({ then(r) { log.push('thenable'); r('TV'); } }), a.next()];
  ps.forEach((p, i) => p.then((v) => log.push(i + ' ok ' + JSON.stringify(v)), (e) => log.push(i + ' err ' + e.message)));
  const b = g();
  await b.next(); await b.next();
  b.return(Promise.resolve('late')).then((v) => log.push('b ' + JSON.stringify(v)));
  b.next().then((v) => log.push('b next ' + JSON.stringify(v)));
  for await (const x of g()) { log.push('x ' + x); }
  await t;
  return log;
}
main();
