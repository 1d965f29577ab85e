// id: stack-capture-stack-trace
// technique: Error.captureStackTrace on arbitrary objects and call-site objects (getThis, getFunction)
// source: vm2 GHSA-r273-hxvj-fxhp (util.getCallSites leaks host call sites); V8 CallSite API (getThis/getFunction)
// expect: result
const E = Error;
attempt('captureStackTrace', () => E['capture' + 'StackTrace']);
const o = {};
attempt('call captureStackTrace', () => E['capture' + 'StackTrace'](o));
escaped('captureStackTrace defined a stack', 'stack' in o);
attempt('stackTraceLimit', () => E['stack' + 'TraceLimit']);
attempt('set stackTraceLimit', () => { E['stack' + 'TraceLimit'] = Infinity; });
attempt('defineProperty stackTraceLimit', () => Object.defineProperty(E, 'stackTraceLimit', { value: 0 }));
R
