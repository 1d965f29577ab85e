// id: pollution-shared-host-object
// technique: mutating a capability result that the host returns by reference, and arguments after the call: both sides must hold copies
// source: isolated-vm Reference vs copy semantics; vm2 bridge (host objects proxied, mutations reach the host)
// expect: result
const s = shared();
attempt('mutate result', () => { s.count = 1000; s.list.push(4); s.inner.flag = true; s.added = 1; return s.count; });
const again = shared();
escaped('the host object changed', again.count !== 0 || again.list.length !== 3 || again.inner.flag !== false);
const arg = { n: 1 };
const pending = getUser(arg);
arg.n = 2;
attempt('argument copied at call time', async () => (await pending).id.n);
R
