const r = [];
try {
  JSON.stringify({ n: 1n });
} catch (e) {
  r.push(e.name);
}
r.push(JSON.stringify({ n: 1n }, (k, v) => (typeof v === 'bigint' ? v.toString() + 'n' : v)));
r.push(JSON.stringify([new Number(3), new String('s'), new Boolean(false)]));
r
