// id: interpreter-deep-boundary-values
// technique: deeply nested and very wide values crossing the boundary (arguments and results): no host stack overflow, a typed refusal
// source: structured-copy recursion exhausting the host stack (isolated-vm ExternalCopy, vm2 bridge); vm2 issue #175 (host exception thrown from a sandbox getter)
// expect: result
let deep = [];
for (let i = 0; i < 5000; i++) deep = [deep];
attempt('deep argument', () => echo(deep));
let deepO = {};
for (let i = 0; i < 5000; i++) deepO = { deepO };
attempt('deep object argument', () => echo(deepO));
const wide = {};
for (let i = 0; i < 5000; i++) wide['k' + i] = i;
attempt('wide argument', () => Object.keys(echo(wide).args[0]).length);
R
