// Symbol() converts its argument with ToString unless it is undefined
[
  Symbol('a b').description, Symbol(undefined).description, Symbol(null).description, Symbol(123).description,
  Symbol({ toString: () => 'obj' }).description, Symbol('x').toString().length, Object.getOwnPropertyNames(Symbol.prototype).includes('description'),
]
