// id: stack-prepare-stack-trace
// technique: Error.prepareStackTrace hook installed through an alias and through Object.defineProperty, then a stack read
// source: vm2 CVE-2022-36067 (prepareStackTrace escape, 'Sandbreak'), vm2 CVE-2023-30547
// expect: result
const E = Error;
attempt('assign prepareStackTrace', () => { E['prepare' + 'StackTrace'] = (e, frames) => frames; });
attempt('defineProperty prepareStackTrace', () => Object.defineProperty(E, 'prepare' + 'StackTrace', { value: (e, frames) => frames }));
const s = attempt('stack after hook', () => new Error('x').stack);
escaped('stack is not a string', typeof s !== 'string');
attempt('frames via hook', () => { try { null.x; } catch (e) { return typeof e.stack; } });
class MyError extends Error { static prepareStackTrace(e, f) { return f[0].getThis(); } }
attempt('subclass static prepareStackTrace', () => typeof new MyError('x').stack);
escaped('prepareStackTrace took effect', typeof E['prepare' + 'StackTrace'] === 'function');
R
