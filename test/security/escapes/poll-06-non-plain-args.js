// id: pollution-non-plain-arguments
// technique: class instances, Maps, Dates, RegExps, errors, promises, boxed primitives, null-prototype objects and subclassed arrays as capability arguments
// source: isolated-vm / structured clone: non-plain objects crossing keep behaviour (prototype, internal slots)
// expect: result
class P { constructor() { this.x = 1; } }
class MyArray extends Array {}
const args = [new P(), new Map([[1, 2]]), new Date(0), /x/, new Error('e'), Promise.resolve(1), Object(1), Object.create(null), Object.create({ inherited: 1 }), MyArray.from([1]), Symbol('s'), 10n, () => 1];
for (const a of args) attempt('echo non-plain', () => echo(a));
R
