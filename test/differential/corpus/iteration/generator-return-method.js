const log = [];
function* gen() {
  try {
    yield 1;
    yield 2;
    yield 3;
  } finally {
    log.push('finally');
  }
}
const g = gen();
const r = [g.next(), g.return('bye'), g.next()];
const fresh = gen();
r.push(fresh.return('never started'), fresh.next());
[r, log]
