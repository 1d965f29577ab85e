// id: pollution-guest-intrinsics
// technique: writing to built-in prototypes through aliases, computed keys, defineProperty, Object.assign and prototype walks
// source: SES frozen intrinsics (lockdown); localeval README (([]).__proto__.push = … and ({}).constructor.getOwnPropertyNames = … leak)
// expect: result
const OP = Object.getPrototypeOf({});
const AP = Object.getPrototypeOf([]);
const FP = Object.getPrototypeOf(() => 0);
for (const [name, P] of [['Object.prototype', OP], ['Array.prototype', AP], ['Function.prototype', FP], ['String.prototype', Object.getPrototypeOf('')], ['Promise.prototype', Object.getPrototypeOf(Promise.resolve())]]) {
  attempt(name + ' assign', () => { P['polluted'] = 1; });
  attempt(name + ' defineProperty', () => Object.defineProperty(P, 'polluted', { value: 1 }));
  attempt(name + ' Object.assign', () => Object.assign(P, { polluted: 1 }));
  attempt(name + ' delete', () => delete P['toString']);
}
attempt('constructor.prototype', () => { ({}).constructor.prototype['polluted'] = 1; });
attempt('Symbol.iterator override', () => { AP[Symbol.iterator] = function* () { yield 'evil'; }; });
attempt('JSON override', () => { const J = JSON; J['parse'] = () => 'evil'; });
escaped('Object.prototype polluted', ({}).polluted !== undefined);
escaped('Array iteration hijacked', [...[1]][0] !== 1);
R
