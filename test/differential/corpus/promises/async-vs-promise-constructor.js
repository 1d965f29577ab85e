const log = [];
async function viaAsync() {
  log.push('async body');
  return 'async value';
}
function viaPromise() {
  return new Promise((resolve) => {
    log.push('promise executor');
    resolve('promise value');
  });
}
const a = viaAsync();
const b = viaPromise();
log.push('both started');
log.push(await a, await b);
log
