// id: global-scan-enumerate
// technique: enumerating the global object (for-in, keys, own names, descriptors) looking for anything beyond the documented built-ins and the host's names
// source: vm2 / node:vm: contextified globals expose host objects (process, require, Buffer)
// expect: result
const allowed = new Set(['globalThis', 'Object', 'Function', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'Symbol', 'RegExp', 'String', 'Array', 'Promise', 'console', 'NaN', 'Infinity', 'undefined', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI', 'Intl', 'Number', 'Boolean', 'Math', 'BigInt', 'Map', 'Set', 'Date', 'JSON', 'echo', 'getUser', 'protoResult', 'fail', 'failVisible', 'slow', 'shared', 'hostError', 'config', 'fromJson']);
const names = Object.getOwnPropertyNames(globalThis);
for (const k of names) escaped('unexpected global ' + k, !allowed.has(k));
const forIn = [];
for (const k in globalThis) forIn.push(k);
R.push('for-in: ' + forIn.join(','));
R.push('symbols: ' + Object.getOwnPropertySymbols ? 'n/a' : 'none');
escaped('globalThis has a prototype other than Object.prototype', Object.getPrototypeOf(globalThis) !== Object.prototype);
R
