// id: interpreter-call-apply-chains
// technique: Function.prototype.call/apply/bind chains on built-ins (''.sub.call.call, [].slice.apply) to call natives with hostile receivers
// source: vm2 GHSA-647f-g98j-qq25 (call/apply indirection); vm2 issue #184 (a getter called on a host function)
// expect: result
const FP = Object.getPrototypeOf(() => 0);
attempt('sub.call.call', () => ''.sub.call.call(function () { return this; }, null));
attempt('apply.apply', () => FP.apply.apply(FP.toString, [echo, []]));
attempt('bind.call', () => FP.bind.call(echo, null, 'x')());
attempt('native with foreign this', () => Map.prototype.get.call({}, 1));
attempt('Array.prototype.push on frozen proto', () => [].push.call(Object.getPrototypeOf([]), 1));
attempt('Promise.prototype.then on non-promise', () => Promise.prototype.then.call({}, () => 1));
attempt('Set.prototype.add on Map', () => Set.prototype.add.call(new Map(), 1));
attempt('Date method on object', () => Date.prototype.getTime.call({}));
R
