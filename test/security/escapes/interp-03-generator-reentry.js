// id: interpreter-generator-reentry
// technique: re-entering a running generator, resuming after return, throw into a suspended async function, and stealing generator frames
// source: JS-in-JS interpreters keeping generator state in host closures; V8 generator re-entrancy bugs
// expect: result
let it;
function* g() { attempt('reenter', () => it.next()); yield 1; }
it = g();
attempt('next', () => it.next());
attempt('return', () => it.return(5));
attempt('next after return', () => it.next());
attempt('throw after return', () => it.throw(new Error('x')));
async function* ag() { yield 1; }
const a = ag();
await attemptAsync('async gen parallel next', () => Promise.all([a.next(), a.next(), a.return(1)]));
R
