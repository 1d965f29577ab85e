// id: ctor-async-function
// technique: AsyncFunction constructor via Object.getPrototypeOf(async function(){}).constructor
// source: vm2 issue #187 / SES 'AsyncFunction is reachable from syntax' (SES repairs the %AsyncFunction% constructor)
// expect: result
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
tryCode('AsyncFunction', AsyncFunction);
await attemptAsync('AsyncFunction payload awaited', async () => (await AsyncFunction('return 1'))());
tryChain('async function', async function a() {});
R
