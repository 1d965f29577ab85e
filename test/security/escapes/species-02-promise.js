// id: species-promise
// technique: Symbol.species and subclassing of Promise: then creating through a hostile constructor that captures the executor's functions
// source: vm2 CVE-2023-37466 (Promise species), SES Promise taming
// expect: result
class EvilP extends Promise { static get [Symbol.species]() { return function (executor) { executor((v) => tryChain('species resolve', v), (e) => {}); }; } }
await attemptAsync('then with species', () => EvilP.resolve(1).then((x) => x));
class P2 extends Promise { constructor(ex) { super((res, rej) => { tryChain('executor res', res); ex(res, rej); }); } }
await attemptAsync('all on subclass', () => P2.all([1, getUser(2)]));
await attemptAsync('race on subclass', () => P2.race([slow()]));
R
