// diff: compare-messages
// V8's messages for yield* operands that are not iterable in an async generator: by the
// operand's form (an identifier or literal: the missing method's call; a member, call, unary,
// binary or sequence expression: (intermediate value) x4), null and undefined by the read.
async function tryA(f) { try { await f().next(); } catch (e) { return e.message; } }
const x = 5; const o = { a: 1, b: { c: {} } }; const f = () => 3;
(async () => {
const r = [];
r.push(await tryA(async function* () { yield* x; }));
r.push(await tryA(async function* () { yield* o.b.c; }));
r.push(await tryA(async function* () { yield* o['a']; }));
r.push(await tryA(async function* () { yield* f(); }));
r.push(await tryA(async function* () { yield* (x + 1); }));
r.push(await tryA(async function* () { yield* true; }));
r.push(await tryA(async function* () { yield* o; }));
r.push(await tryA(async function* () { yield* 5; }));
r.push(await tryA(async function* () { yield* (x ? 1 : 2); }));
r.push(await tryA(async function* () { yield* -x; }));
r.push(await tryA(async function* () { yield* o.a ?? 1; }));
r.push(await tryA(async function* () { yield* (0, o.a); }));
r.push(await tryA(async function* () { yield* null; }));
r.push(await tryA(async function* () { yield* { [Symbol.asyncIterator]: 1 }; }));
r.push(await tryA(async function* () { yield* { [Symbol.asyncIterator]() { return 1; } }; }));
return r;
})();
