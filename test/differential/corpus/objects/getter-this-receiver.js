const proto = {
  get whoami() { return this.name; },
};
const a = Object.create(proto);
a.name = 'a';
const b = { __proto__: a, name: 'b' };
const lazy = {
  get expensive() {
    const value = [1, 2, 3].reduce((s, x) => s + x, 0);
    Object.defineProperty(this, 'expensive', { value, enumerable: true });
    return value;
  },
};
[a.whoami, b.whoami, lazy.expensive, Object.getOwnPropertyDescriptor(lazy, 'expensive').value, lazy.expensive]
