// id: stack-host-stack-overflow
// technique: exhausting the host stack through nested built-in calls (deep arrays to String/JSON, deeply nested getters) to obtain a host RangeError
// source: vm2 CVE-2023-29017 / 'Maximum call stack size exceeded' escapes (host RangeError from host frames)
// expect: result
let a = [];
for (let i = 0; i < 20000; i++) a = [a];
attempt('JSON.stringify deep', () => JSON.stringify(a).length);
let o = {};
for (let i = 0; i < 20000; i++) o = { o };
attempt('JSON.stringify deep object', () => JSON.stringify(o).length);
attempt('structured deep echo', () => echo(o));
try { JSON.stringify(a); } catch (e) { escaped('host RangeError reached the guest', e.constructor !== RangeError); tryChain('overflow error', e); }
R
