const log = [];
const p = Promise.resolve('ready');
p.then((v) => log.push('callback ' + v));
log.push('after then registration');
const sync = [];
new Promise((res) => res()).then(() => sync.push('never synchronous'));
log.push('sync length ' + sync.length);
await p;
log
