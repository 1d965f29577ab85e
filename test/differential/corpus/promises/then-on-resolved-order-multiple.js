const log = [];
const p = Promise.resolve();
p.then(() => log.push(1));
p.then(() => log.push(2)).then(() => log.push(5));
p.then(() => log.push(3));
Promise.resolve().then(() => log.push(4));
await Promise.resolve().then().then();
log
