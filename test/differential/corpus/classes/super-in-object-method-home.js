const base = {
  hello() { return 'base hello from ' + this.name; },
};
class Greeter {
  constructor(name) { this.name = name; }
  hello() { return 'Greeter hello ' + this.name; }
}
class Loud extends Greeter {
  hello() {
    const parentFn = super.hello;
    return [super.hello().toUpperCase(), parentFn.call({ name: 'rebound' })];
  }
}
const obj = { __proto__: base, name: 'obj', hello() { return super.hello() + '!'; } };
[new Loud('ann').hello(), obj.hello()]
