// id: interpreter-console-format
// technique: console methods with format strings, hostile objects, huge depth and %c/%o specifiers: output is formatted without running guest code or host inspection hooks
// source: vm2 / Node REPL: util.inspect on sandbox objects runs getters and inspect.custom (CVE-2023-37903)
// expect: result
let ran = 0;
const hostile = { get g() { ran++; return 1; }, [Symbol.for('nodejs.util.inspect.custom')]: () => { ran++; return 'custom'; }, inspect() { ran++; return 'legacy'; } };
console.log(hostile);
console.log('%s|%d|%i|%f|%j|%o|%O|%c', hostile, hostile, hostile, hostile, hostile, hostile, hostile, 'color: red');
console.error(new Error('logged'));
console.table && attempt('table', () => console.table([hostile]));
attempt('dir', () => console.dir(hostile, { showHidden: true, customInspect: true }));
let deep = {};
for (let i = 0; i < 3000; i++) deep = { deep };
console.log(deep);
escaped('console ran guest code: ' + ran, ran !== 0);
R
