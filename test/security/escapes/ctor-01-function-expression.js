// id: ctor-function-expression
// technique: constructor chain from a function expression: (function(){}).constructor('return process')()
// source: classic node:vm / safe-eval escape (this.constructor.constructor('return process')()); safe-eval advisory GHSA-9pcf-h8q9-63f6
// expect: result
// cli: yes
tryChain('function expression', function f() {});
tryCode('Function global alias', globalThis['Func' + 'tion']);
escaped('Function compiled code', (() => { try { return typeof (function () {}).constructor('return 1') === 'function'; } catch { return false; } })());
R
