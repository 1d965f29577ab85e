// id: thenable-await
// technique: awaiting thenables whose then receives the resolving functions; probing them for host functions
// source: vm2 CVE-2023-37466 (thenable / Promise species bypass of the handler sanitizer)
// expect: result
const t = { then(res, rej) { tryChain('thenable resolve', res); tryChain('thenable reject', rej); res(this); } };
await attemptAsync('await thenable', async () => { const v = await { then(r) { r(1); } }; return v; });
await attemptAsync('await self-resolving', () => Promise.resolve({ then(r) { tryChain('then this', this); r('done'); } }));
await attemptAsync('nested thenables', () => Promise.resolve({ then(r) { r({ then(r2) { r2((() => 0).constructor); } }); } }).then((F) => F('return 1')));
void t;
R
