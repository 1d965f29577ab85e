const log = [];
for (let i = 0; i < 3; i++) {
  Promise.resolve(i).then((v) => {
    log.push('a' + v);
    return v;
  }).then((v) => log.push('b' + v));
}
await Promise.resolve().then().then().then();
log
