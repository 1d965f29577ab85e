// id: ctor-capability-functions
// technique: constructor chains, call/apply/bind, properties and prototypes of capability functions themselves
// source: isolated-vm Reference/Callback escapes (issues on 'Reference.deref' and 'applySync'); vm2 bridge function proxies
// expect: result
// cli: yes
tryChain('capability', echo);
attempt('name', () => echo.name);
attempt('length', () => echo.length);
attempt('prototype', () => echo.prototype);
attempt('own keys', () => Object.getOwnPropertyNames(echo));
attempt('caller', () => echo.caller);
attempt('arguments', () => echo['argu' + 'ments']);
attempt('call', () => echo.call({ evil: true }, 1));
attempt('apply', () => echo.apply(null, [1, 2]));
attempt('bind', () => echo.bind(null, 'x')());
attempt('new capability', () => new echo());
attempt('proto of capability', () => Object.getPrototypeOf(echo) === Object.getPrototypeOf(() => 0));
escaped('capability is not a guest function', typeof echo !== 'function' || Object.getPrototypeOf(echo) !== Object.getPrototypeOf(() => 0));
R
