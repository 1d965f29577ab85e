[
  JSON.stringify({ a: 1, b: 'two', c: [true, null], d: { e: 1.5 } }),
  JSON.stringify([undefined, () => {}, Symbol('s'), NaN, Infinity, -0]),
  JSON.stringify({ u: undefined, f() {}, s: Symbol('x'), n: null, nan: NaN }),
  JSON.stringify('str'), JSON.stringify(42), JSON.stringify(null), JSON.stringify(undefined), JSON.stringify(() => {}),
  JSON.stringify(true), JSON.stringify(new Date(0)), JSON.stringify(Object.create({ inherited: 1 })), JSON.stringify([[]]),
]
