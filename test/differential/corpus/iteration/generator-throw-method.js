function* resilient() {
  let errors = 0;
  while (true) {
    try {
      yield errors;
    } catch (e) {
      errors++;
      if (e === 'fatal') return 'gave up after ' + errors;
    }
  }
}
const g = resilient();
const r = [g.next(), g.throw('oops'), g.throw('again'), g.throw('fatal'), g.next()];
function* plain() { yield 1; }
const p = plain();
try { p.throw(new Error('unstarted')); } catch (e) { r.push('caught ' + e.message); }
r.push(p.next());
r
