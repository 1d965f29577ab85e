const log = [];
function* inner() {
  try { yield 'i'; } finally { log.push('inner finally'); }
}
function* outer() {
  try { yield* inner(); } finally { log.push('outer finally'); }
}
for (const v of outer()) {
  log.push('got ' + v);
  break;
}
log.push('after loop');
log
