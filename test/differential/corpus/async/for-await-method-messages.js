// diff: compare-messages
// for await over an object whose Symbol.asyncIterator is not callable or returns a primitive:
// V8 names the loop subject, or says the result is not an object.
async function t(o) { try { for await (const x of o); } catch (e) { return e.message; } }
(async () => [await t({ [Symbol.asyncIterator]: 1 }), await t({ [Symbol.asyncIterator]() { return 1; } }), await t({ [Symbol.asyncIterator]: 'x' })])();
