// id: ctor-capability-results
// technique: constructor chains from values returned by capabilities and from inputs
// source: isolated-vm README security section (leaked Reference/ExternalCopy instances are a springboard into the host; issue #388); vm2 CVE-2022-36067
// expect: result
// cli: yes
const u = await getUser(1);
tryChain('capability result', u);
tryChain('capability result array', u.tags);
tryChain('nested', u.nested.deep[1]);
tryChain('input', config);
tryChain('input array', config.list);
tryChain('echo result', echo({ a: 1 }));
escaped('result has a foreign prototype', Object.getPrototypeOf(u) !== Object.prototype || Object.getPrototypeOf(u.tags) !== Array.prototype);
escaped('input has a foreign prototype', Object.getPrototypeOf(config) !== Object.prototype);
R
