const p1 = new Promise(() => {
  throw new RangeError('in executor');
});
const p2 = new Promise((resolve) => {
  resolve('resolved first');
  throw new Error('ignored after resolve');
});
const r = [];
await p1.catch((e) => r.push(e.name));
r.push(await p2);
let err;
try { new Promise(5); } catch (e) { err = e.name; }
try { Promise(); } catch (e) { r.push(e.name); }
r.push(err);
r
