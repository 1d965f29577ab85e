// diff: compare-messages
// for-of over an object literal that is not iterable: V8 prints a literal it builds from a
// boilerplate ({(intermediate value)…}) and words any other by the value's type.
const x = 1;
const subjects = [
  () => { for (const q of { a: 1 }); },
  () => { for (const q of { a: 1, b: 'two', c: null, d: true }); },
  () => { for (const q of { a: 1 + 1, b: !0, c: ~1, d: -0, e: 1e3 }); },
  () => { for (const q of { a: [1, [2]], b: { c: { d: 1 } } }); },
  () => { for (const q of { get a() { return 1; }, set a(v) {} }); },
  () => { for (const q of { ...{} }); },
  () => { for (const q of {}); },
  () => { for (const q of { ['k']: 1 }); },
  () => { for (const q of { [Symbol.iterator]: 5 }); },
  () => { for (const q of { a() {} }); },
  () => { for (const q of { x }); },
  () => { for (const q of { a: x }); },
  () => { for (const q of { a: 'x' + 'y' }); },
  () => { for (const q of { a: [1, x] }); },
  () => { for (const q of { a: -x }); },
  () => { for (const q of { a: typeof 1 }); },
  () => { for (const q of { a: `t` }); },
  () => { for (const q of { a: `t${x}` }); },
  () => { for (const q of { a: /r/ }); },
  () => { for (const q of { a: () => 1 }); },
  () => { for (const q of { a: { b: { c: x } } }); },
];
subjects.map((s) => {
  try {
    return s();
  } catch (e) {
    return e.message;
  }
})
