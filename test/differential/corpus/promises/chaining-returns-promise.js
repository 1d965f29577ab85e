const log = [];
Promise.resolve(1)
  .then((v) => {
    log.push('a' + v);
    return Promise.resolve(v + 1);
  })
  .then((v) => log.push('b' + v));
Promise.resolve(10)
  .then((v) => {
    log.push('c' + v);
    return v + 1;
  })
  .then((v) => log.push('d' + v))
  .then(() => log.push('e'))
  .then(() => log.push('f'));
await Promise.resolve().then().then().then().then().then().then();
log
