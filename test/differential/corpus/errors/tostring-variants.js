const plain = new Error('msg');
const noMessage = new TypeError();
const custom = new Error('m');
custom.name = 'CustomName';
const emptyName = new Error('only message');
emptyName.name = '';
const objLike = { name: 'Fake', message: 'not an error' };
[
  plain.toString(), noMessage.toString(), custom.toString(), emptyName.toString(),
  Error.prototype.toString.call(objLike), Error.prototype.toString.call({}), String(new RangeError('r')),
  `${new SyntaxError('s')}`,
]
