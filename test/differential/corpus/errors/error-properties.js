const e = new Error('hello');
const own = Object.getOwnPropertyNames(e).filter((k) => k !== 'stack');
const d = Object.getOwnPropertyDescriptor(e, 'message');
const noMsg = new Error();
const undefMsg = new Error(undefined);
const numMsg = new Error(42);
[own, d.enumerable, d.writable, Object.hasOwn(noMsg, 'message'), noMsg.message, undefMsg.message, Object.hasOwn(undefMsg, 'message'), numMsg.message, typeof numMsg.message, Object.keys(e)]
