// id: thenable-promise-then-override
// technique: overriding Promise.prototype.then / Promise.resolve through aliases, and own then on a promise instance
// source: vm2 CVE-2023-37466 (Promise.prototype.then override sees host values), SES 'Promise taming'
// expect: result
const PP = Object.getPrototypeOf(Promise.resolve());
attempt('override then', () => { PP['then'] = function () { return 'hijacked'; }; });
attempt('override Promise.resolve', () => { const P = Promise; P['resolve'] = () => 'hijacked'; });
const p = Promise.resolve(1);
attempt('own then on instance', () => { p.then = function (f) { tryChain('own then arg', f); return 1; }; });
await attemptAsync('await instance with own then', async () => await p);
await attemptAsync('capability promise then', () => getUser(1).then((u) => u.name));
escaped('Promise.prototype.then replaced', PP.then.name !== 'then');
R
