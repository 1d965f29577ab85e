const log = [];
const slow = (async () => {
  await null;
  await null;
  log.push('slow still finished');
  return 'slow';
})();
const fast = Promise.reject(new Error('fast fail'));
const result = await Promise.all([slow, fast]).catch((e) => e.message);
log.push('all settled with: ' + result);
await slow;
log
