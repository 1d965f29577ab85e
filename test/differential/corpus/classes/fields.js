let counter = 0;
class Item {
  id = ++counter;
  name = 'item' + this.id;
  tags = [];
  computed = this.describe();
  ['dyn' + 'amic'] = true;
  noInit;
  describe() { return `#${this.id}`; }
}
const a = new Item();
const b = new Item();
a.tags.push('x');
[{ ...a }, { ...b }, Object.keys(a), b.tags, a instanceof Item]
