const s1 = Symbol.for('app.key');
const s2 = Symbol.for('app.key');
const local = Symbol('app.key');
[
  s1 === s2, s1 === local, Symbol.keyFor(s1), Symbol.keyFor(local),
  Symbol.for().description, Symbol.keyFor(Symbol.iterator), Symbol.for('app.key').toString(),
]
