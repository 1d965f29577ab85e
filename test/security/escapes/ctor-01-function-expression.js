// id: ctor-function-expression
// technique: constructor chain from a function expression: (function(){}).constructor('return process')()
// source: vm2 issue #32 (global.constructor.constructor('return process')(), after domenic's node:vm gist); localeval README (Function leak)
// expect: result
// cli: yes
tryChain('function expression', function f() {});
tryCode('Function global alias', globalThis['Func' + 'tion']);
escaped('Function compiled code', (() => { try { return typeof (function () {}).constructor('return 1') === 'function'; } catch { return false; } })());
R
