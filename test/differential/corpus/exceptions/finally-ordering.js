const log = [];
function run(shouldThrow) {
  try {
    log.push('try');
    if (shouldThrow) throw new Error('x');
    log.push('try end');
  } catch (e) {
    log.push('catch');
  } finally {
    log.push('finally');
  }
  log.push('after');
}
run(false);
run(true);
log
