// id: interpreter-capability-reentrancy
// technique: capability calls made from getters, comparators, replacer callbacks, finally blocks and microtasks while another call is pending
// source: isolated-vm re-entrancy (applySync during a callback); vm2 bridge re-entrancy
// expect: result
const o = { get g() { return echo('from getter'); } };
attempt('from getter', () => o.g);
attempt('from sort', () => [2, 1].sort((a, b) => { echo(a, b); return a - b; }));
attempt('from replacer', () => JSON.stringify({ a: 1 }, (k, v) => { if (k === 'a') echo(k); return v; }));
await attemptAsync('nested async', async () => { const p = getUser(1); const q = getUser(2); try { return (await p).id + (await q).id; } finally { echo('finally'); } });
await attemptAsync('microtask storm with calls', () => Promise.all(Array.from({ length: 20 }, (_, i) => Promise.resolve().then(() => getUser(i)))));
R
