function* counter(limit) {
  for (let i = 1; i <= limit; i++) {
    const cmd = yield i;
    if (cmd === 'stop') return 'stopped at ' + i;
  }
  return 'done';
}
const it = counter(3);
const steps = [it.next(), it.next(), it.next('ignored'), it.next(), it.next()];
const it2 = counter(5);
it2.next();
steps.push(it2.next('stop'), it2.next());
steps
