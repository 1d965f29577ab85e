function defer() {
  let resolve, reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const d1 = defer();
const d2 = defer();
const log = [];
d1.promise.then((v) => log.push('d1 ' + v));
d2.promise.catch((e) => log.push('d2 ' + e));
d2.reject('nope');
d1.resolve('yes');
await Promise.allSettled([d1.promise, d2.promise]);
log
