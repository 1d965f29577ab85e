const r = [
  '5'.padStart(3, '0'), 'abc'.padStart(8, '12'), 'abc'.padEnd(6, '-='), 'abc'.padStart(2), 'x'.padEnd(4), 'x'.padStart(3, ''),
  'ab'.repeat(3), 'x'.repeat(0), ''.repeat(100),
  '  both  '.trim(), '  start'.trimStart(), 'end  '.trimEnd(), '\t\n x \u00a0\ufeff'.trim(), '\u2028line\u2029'.trim().length,
];
try { 'x'.repeat(-1); } catch (e) { r.push(e.name); }
try { 'x'.repeat(Infinity); } catch (e) { r.push(e.name); }
r
