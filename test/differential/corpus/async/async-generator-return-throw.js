async function* gen() {
  try {
    yield 1;
    yield 2;
  } catch (e) {
    yield 'caught ' + e;
  }
}
const a = gen();
const r1 = [await a.next(), await a.throw('boom'), await a.next()];
const b = gen();
const r2 = [await b.next(), await b.return('stop'), await b.next()];
const c = gen();
let r3;
try { await c.throw(new Error('before start')); } catch (e) { r3 = e.message; }
[r1, r2, r3]
