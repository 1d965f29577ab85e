const log = [];
const thenable = {
  then(resolve) {
    log.push('then called');
    resolve('thenable value');
  },
};
(async () => {
  log.push('before await');
  const v = await thenable;
  log.push('after await: ' + v);
})();
log.push('sync after call');
await null;
log.push('main tick 1');
await null;
log.push('main tick 2');
await null;
log
