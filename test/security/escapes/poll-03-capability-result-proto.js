// id: pollution-capability-result
// technique: a capability result carrying __proto__ and constructor.prototype keys (host JSON.parse) must not set guest prototypes
// source: __proto__ keys in JSON-derived data (lodash merge CVE-2018-16487 class); isolated-vm ExternalCopy of host data
// expect: result
const r = protoResult();
attempt('own keys', () => Object.keys(r));
escaped('result prototype changed', Object.getPrototypeOf(r) !== Object.prototype);
escaped('guest Object.prototype polluted', ({}).polluted !== undefined);
escaped('result inherits polluted', r.polluted !== undefined && !Object.hasOwn(r, 'polluted'));
R
