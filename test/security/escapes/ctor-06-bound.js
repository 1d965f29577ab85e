// id: ctor-bound-function
// technique: constructor chain and call/apply/bind tricks from bound functions
// source: vm2 GHSA-647f-g98j-qq25 (host RCE via call/apply indirection); JS-in-JS interpreters reaching host functions through call/bind chains
// expect: result
const b = function () { return this; }.bind(null);
tryChain('bound function', b);
attempt('bound this', () => b());
const callCall = Object.getPrototypeOf(() => 0).call.call;
attempt('call.call', () => Object.getPrototypeOf(() => 0).call.call(function () { return this; }, undefined));
attempt('apply of ctor', () => Object.getPrototypeOf(() => 0).apply.call((() => 0).constructor, null, ['return 1']));
attempt('bind ctor', () => (() => 0).constructor.bind(null, 'return 1')());
void callCall;
R
