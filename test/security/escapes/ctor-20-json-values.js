// id: ctor-json-values
// technique: constructor chains from JSON.parse results, reviver arguments and JSON.stringify replacer holders
// source: JS-in-JS interpreters that delegate JSON to the host (returning host objects)
// expect: result
const v = JSON.parse('{"a":[1,{"b":2}]}', function (k, x) { if (k === 'b') tryChain('reviver holder', this); return x; });
tryChain('parsed', v);
tryChain('parsed array', v.a);
JSON.stringify({ a: 1 }, function (k, x) { if (k === 'a') tryChain('replacer holder', this); return x; });
R
