const log = [];
const native = Promise.resolve('native');
const thenable = { then(f) { log.push('thenable.then'); f('thenable'); } };
Promise.resolve().then(() => log.push('tick 1')).then(() => log.push('tick 2')).then(() => log.push('tick 3'));
new Promise((res) => res(native)).then((v) => log.push('resolved with ' + v));
new Promise((res) => res(thenable)).then((v) => log.push('resolved with ' + v));
Promise.resolve(native).then((v) => log.push('Promise.resolve ' + v));
log.push('sync end');
await new Promise((r) => Promise.resolve().then().then().then().then().then(r));
log
