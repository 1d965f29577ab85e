// id: stack-throw-non-errors
// technique: throwing non-error values (objects with toString/valueOf/Symbol.toPrimitive, cyclic objects, symbols, functions) to the host
// source: vm2 CVE-2023-29199 (exception sanitizer bypass with thrown non-errors)
// expect: runtime
const o = { toString() { return 'ts'; }, valueOf() { return 1; }, [Symbol.toPrimitive]() { return 'prim'; }, message: 'm', fn() {} };
o.self = o;
throw o;
