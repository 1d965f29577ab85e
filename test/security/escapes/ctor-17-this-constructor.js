// id: ctor-this-constructor
// technique: this.constructor.constructor at the top level, in callbacks and in getters
// source: vm2 issue #32 and the safe-eval/localeval family (this.constructor.constructor('return process')())
// expect: result
tryChain('top-level this', this);
attempt('this.constructor.constructor', () => this.constructor.constructor(PAYLOADS[0])());
[1].forEach(function () { attempt('callback this', () => this); });
[1].map(() => attempt('arrow callback this ctor', () => this.constructor.constructor('return 1')));
const o = { get g() { return this.constructor.constructor; } };
tryCode('getter this', attempt('getter', () => o.g));
R
