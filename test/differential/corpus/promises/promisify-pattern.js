function legacyOp(x, cb) {
  if (x < 0) cb(new RangeError('negative'));
  else cb(null, Math.sqrt(x));
}
const promisify = (fn) => (...args) => new Promise((resolve, reject) => {
  fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
});
const op = promisify(legacyOp);
const results = await Promise.allSettled([op(16), op(-1), op(2)]);
results.map((r) => r.status + ':' + (r.value ?? r.reason.name))
