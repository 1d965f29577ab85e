// id: ctor-generator-function
// technique: GeneratorFunction constructor via the prototype of a generator function and of a generator object
// source: SES 'whitelist intrinsics' (GeneratorFunction is a hidden intrinsic); vm2 escapes through hidden intrinsics
// expect: result
function* g() { yield 1; }
const GeneratorFunction = Object.getPrototypeOf(g).constructor;
tryCode('GeneratorFunction', GeneratorFunction);
const it = g();
tryChain('generator object', it);
tryChain('generator prototype', Object.getPrototypeOf(it));
attempt('generator proto ctor ctor', () => Object.getPrototypeOf(Object.getPrototypeOf(it)).constructor.constructor('return 1'));
R
