// id: pollution-accessors-in-arguments
// technique: getters, setters, toJSON, valueOf, toString and Symbol.toPrimitive in capability arguments (could run guest code on the host, or hand it functions)
// source: vm2 CVE-2023-32314 / isolated-vm issues: host-side conversion invokes sandbox getters; structured clone of accessors
// expect: result
let ran = 0;
const hostile = [
  { get secret() { ran++; return 'getter'; } },
  { toJSON() { ran++; return 'toJSON'; } },
  { valueOf() { ran++; return 1; } },
  { toString() { ran++; return 's'; } },
  { [Symbol.toPrimitive]() { ran++; return 'p'; } },
  Object.defineProperty({}, 'hidden', { get() { ran++; return 1; }, enumerable: false }),
  [1, 2, 3].map(String),
];
for (const h of hostile) attempt('echo hostile', () => echo(h));
attempt('accessor in array', () => { const a = [1]; Object.defineProperty(a, 0, { get() { ran++; return 1; } }); return echo(a); });
attempt('accessor in nested', () => echo({ a: { b: { get c() { ran++; return 1; } } } }));
escaped('guest code ran during a boundary copy: ' + ran, ran !== 0);
R
