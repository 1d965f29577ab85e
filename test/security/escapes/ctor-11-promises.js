// id: ctor-promises
// technique: constructor chains from promises, their resolving functions and rejection reasons
// source: vm2 CVE-2023-37466 / CVE-2023-37903 (Promise handler sanitization bypass)
// expect: result
tryChain('promise', Promise.resolve(1));
let res;
const p = new Promise((r, j) => { res = r; tryChain('resolve fn', r); tryChain('reject fn', j); });
res(1);
await attemptAsync('then ctor', () => p.then((v) => v).constructor.constructor('return 1'));
await attemptAsync('rejection reason', () => Promise.reject(new Error('x')).catch((e) => e.constructor.constructor('return 1')()));
await attemptAsync('capability rejection', () => fail().catch((e) => { tryChain('capability rejection', e); return e.message; }));
await attemptAsync('all', () => Promise.all([1]).constructor.constructor('return 1'));
await attemptAsync('allSettled', async () => (await Promise.allSettled([Promise.reject(1)]))[0].constructor.constructor('return 1'));
R
