const collection = {
  items: ['a', 'b'],
  [Symbol.iterator]: function* () {
    yield* this.items;
  },
};
const r = [[...collection], typeof Symbol.iterator, Symbol.iterator.toString(), Symbol.asyncIterator.description];
r.push(typeof [][Symbol.iterator], typeof ''[Symbol.iterator], typeof new Map()[Symbol.iterator], typeof {}[Symbol.iterator]);
r
