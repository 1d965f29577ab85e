const log = [];
Promise.reject(new Error('nobody listens'));
async function silent() {
  throw new Error('also ignored');
}
silent();
log.push('program continues');
await null;
log.push('after tick');
log
