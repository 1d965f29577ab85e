// id: ctor-async-generator-function
// technique: AsyncGeneratorFunction constructor via async generator functions and their iterator objects
// source: SES hidden intrinsics (%AsyncGeneratorFunction%); tc39 ses-shim repairs
// expect: result
async function* ag() { yield 1; }
const AGF = Object.getPrototypeOf(ag).constructor;
tryCode('AsyncGeneratorFunction', AGF);
tryChain('async generator object', ag());
for await (const x of ag()) attempt('for await value ctor', () => x.constructor.constructor('return 1'));
R
