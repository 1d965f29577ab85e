const log = [];
const p1 = new Promise((resolve) => {
  log.push('executor 1');
  resolve(new Promise((r) => {
    log.push('executor inner');
    r('inner value');
  }));
});
const p2 = Promise.resolve('direct');
p1.then((v) => log.push('p1: ' + v));
p2.then((v) => log.push('p2: ' + v));
log.push('sync done');
await p1;
await null;
log
