const o = { own: undefined };
const child = Object.create(o);
const bare = Object.create(null);
bare.x = 1;
[
  Object.hasOwn(o, 'own'), Object.hasOwn(child, 'own'), 'own' in child, Object.hasOwn(bare, 'x'),
  o.hasOwnProperty('own'), Object.prototype.hasOwnProperty.call(bare, 'x'), Object.hasOwn([1], 0),
  Object.hasOwn([1], 'length'), Object.hasOwn('str', 'length'), typeof bare.hasOwnProperty,
]
