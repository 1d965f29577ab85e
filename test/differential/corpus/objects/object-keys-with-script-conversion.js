// An object used as a property key converts with its own toString/valueOf/Symbol.toPrimitive
// where V8 converts it: a read and a write each convert (a compound assignment converts
// twice), an assignment converts after its right side, `in` and delete convert once, and a
// null or undefined base throws before any conversion.
const log = [];
const k = { toString() { log.push('ts'); return 'a'; } };
const sk = { [Symbol.toPrimitive](hint) { log.push('tp ' + hint); return Symbol.for('s'); } };
const o = { a: 1, [Symbol.for('s')]: 'sym', m() { return 'method ' + this.a; } };
const out = [];
const t = (f) => {
  try {
    out.push(String(f()));
  } catch (e) {
    out.push(`${e.name}: ${e.message}`);
  }
  log.push('|');
};
t(() => o[k]);
t(() => o[sk]);
t(() => { o[k] += 1; return o.a; });
t(() => { o[k]++; return o.a; });
t(() => { o[k] = (log.push('rhs'), 5); return o.a; });
t(() => k in o);
t(() => delete o[k]);
t(() => (o[k] ??= 3));
t(() => o[{ toString() { return 'm'; } }]());
t(() => null[k]);
t(() => { undefined[k] = 1; });
t(() => delete null[k]);
t(() => k in 1);
t(() => { const f = Object.freeze({ a: 1 }); f[k] = 2; });
t(() => [10, 20][{ valueOf() { log.push('vo'); return 0; }, toString() { log.push('ts1'); return '1'; } }]);
t(() => ({ set a(v) { log.push('set ' + v); } })[k] = 9);
t(() => { const { [k]: y } = { a: 'destructured' }; return y; });
t(() => ({ [k]: 'literal' }).a);
t(() => o[{ toString() { throw new Error('ts boom'); } }]);
t(() => { const a = [1, 2]; a[1] += 5; a[0]++; a[2] = 7; return a.join(); });
({ out, log: log.join(' ') });
