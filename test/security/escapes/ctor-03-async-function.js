// id: ctor-async-function
// technique: AsyncFunction constructor via Object.getPrototypeOf(async function(){}).constructor
// source: SES: %AsyncFunction% is reachable from syntax, so lockdown repairs its constructor; same class as vm2 issue #32
// expect: result
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
tryCode('AsyncFunction', AsyncFunction);
await attemptAsync('AsyncFunction payload awaited', async () => (await AsyncFunction('return 1'))());
tryChain('async function', async function a() {});
R
