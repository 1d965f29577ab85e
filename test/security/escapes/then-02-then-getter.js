// id: thenable-then-getter
// technique: a then getter that throws or returns non-functions, and a thenable capability argument (functions refused)
// source: Promise resolution functions reading `then` (spec: Get(resolution, 'then')); isolated-vm issues on promise adoption
// expect: result
let count = 0;
const g = { get then() { count++; throw new Error('then getter'); } };
await attemptAsync('throwing then getter', () => Promise.resolve(g));
await attemptAsync('then non-function', () => Promise.resolve({ then: 42 }).then((v) => v.then));
await attemptAsync('thenable capability arg', async () => await getUser({ then(r) { r('x'); } }));
await attemptAsync('thenable as capability result', async () => { const r = await slow(); return typeof r; });
R.push('getter calls ' + count);
R
