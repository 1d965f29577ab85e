// id: global-eval-spellings
// technique: the classic spellings of code generation (eval, Function, import(), new Function) written directly: refused before anything runs
// source: every sandbox advisory starting from `eval`; vm2 / safe-eval payloads
// expect: rejected
const a = eval('process.env.CAPSULE_CANARY_SECRET');
const b = new Function('return process')();
const c = await import('node:fs');
R
