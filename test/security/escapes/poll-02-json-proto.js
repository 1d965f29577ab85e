// id: pollution-json-proto-key
// technique: __proto__ keys from JSON.parse, computed keys and spreads in guest data, then sent to a capability that merges them
// source: prototype pollution via JSON.parse + merge (lodash CVE-2018-16487, CVE-2019-10744); vm2 issue on __proto__ transfer
// expect: result
// cli: yes
const fromJson = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}');
const computed = { ['__proto__']: { polluted: 'yes' } };
const spread = { ...fromJson };
escaped('guest JSON.parse set a prototype', Object.getPrototypeOf(fromJson) !== Object.prototype || ({}).polluted !== undefined);
const r = attempt('echo', () => echo(fromJson, computed, spread));
escaped('host was polluted', r && r.polluted !== null);
escaped('guest was polluted', ({}).polluted !== undefined);
attempt('Object.assign with __proto__ source', () => Object.getPrototypeOf(Object.assign({}, fromJson)) === Object.prototype);
R
