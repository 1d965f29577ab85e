const log = [];
function* gen() {
  try {
    yield 1;
    yield 2;
  } finally {
    log.push('cleanup');
  }
}
for (const v of gen()) {
  log.push(v);
  if (v === 1) break;
}
const it = gen();
it.next();
const r = it.return('early');
[log, r, it.next()]
