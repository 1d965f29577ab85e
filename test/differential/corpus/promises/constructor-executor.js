const log = [];
const p = new Promise((resolve, reject) => {
  log.push('executor runs synchronously');
  resolve('first');
  resolve('second');
  reject(new Error('ignored'));
  log.push('executor continues');
});
p.then((v) => log.push('then: ' + v));
log.push('after constructor');
await p;
log
