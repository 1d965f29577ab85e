// id: thenable-capability-promise
// technique: the promise a capability call returns: its constructor, then/catch/finally arguments and species
// source: vm2 bridge: promises returned by host functions are host promises (CVE-2023-37903)
// expect: result
const p = getUser(1);
tryChain('capability promise', p);
escaped('capability promise is not a guest promise', !(p instanceof Promise) || Object.getPrototypeOf(p) !== Promise.prototype);
await attemptAsync('finally', () => p.finally(function () { tryChain('finally this', this); }));
await attemptAsync('rejection of failing capability', () => fail().then(null, (e) => { tryChain('host rejection', e); return e.message; }));
await attemptAsync('visible failure', () => failVisible().catch((e) => e.name + ': ' + e.message));
await attemptAsync('host error result', () => hostError().catch((e) => e.message));
R
