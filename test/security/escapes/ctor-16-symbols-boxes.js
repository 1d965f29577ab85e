// id: ctor-symbols-and-boxes
// technique: constructor chains from symbols, boxed primitives, BigInts, Dates, Maps, Sets, Intl formatters and their resolvedOptions
// source: SES intrinsic taming (Date, Intl, Symbol); node:vm realm confusion of primitives' wrappers
// expect: result
const values = { sym: Symbol('s'), boxedSym: Object(Symbol.iterator), num: Object(1), str: Object('s'), bool: Object(true), big: 10n, boxedBig: Object(10n), date: new Date(0), map: new Map(), set: new Set(), nf: new Intl.NumberFormat('en-US'), opts: new Intl.NumberFormat('en-US').resolvedOptions(), parts: new Intl.NumberFormat('en-US').formatToParts(1234.5), dtf: new Intl.DateTimeFormat('en-US') };
for (const k of Object.keys(values)) tryChain(k, values[k]);
attempt('Symbol.for registry', () => Symbol.for('nodejs.util.inspect.custom').description);
R
