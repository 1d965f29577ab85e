const log = [];
async function op() {
  try {
    await Promise.reject(new Error('inner'));
  } finally {
    log.push('finally runs');
  }
}
try {
  await op();
} catch (e) {
  log.push('outer caught ' + e.message);
}
log
