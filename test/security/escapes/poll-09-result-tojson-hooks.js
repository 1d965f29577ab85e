// id: pollution-result-conversion-hooks
// technique: a program result with toJSON, getters, Symbol.toPrimitive, util.inspect.custom and a cyclic structure: the host copies it without running guest code
// source: vm2 GHSA-v37h-5mfm-c47c / CVE-2023-37903 (breakout through Node's custom inspect), vm2 issue #536
// expect: result
// cli: yes
let ran = 0;
const out = { toJSON() { ran++; return 'hijacked'; }, get g() { ran++; return 'getter'; }, [Symbol.toPrimitive]() { ran++; return 'p'; }, [Symbol.for('nodejs.util.inspect.custom')]() { ran++; return 'custom'; }, data: R };
out.self = out;
console.log(out);
console.log('%s %o %j', out, out, out);
escaped('console formatting ran guest code: ' + ran, ran !== 0);
[out]
