const log = [];
async function f() {
  return {
    then(resolve) {
      log.push('thenable.then called');
      resolve('resolved via thenable');
    },
  };
}
const p = f();
log.push('after call');
const v = await p;
log.push(v);
log
