const log = [];
async function* gen() {
  try {
    yield 1;
    yield 2;
    yield 3;
  } finally {
    log.push('gen cleanup');
  }
}
for await (const v of gen()) {
  log.push('got ' + v);
  if (v === 2) break;
}
log.push('after loop');
log
