function outer2() {
  const viaArrow = () => this;
  return viaArrow.call('ignored');
}
const self = { outer2 };
const bound = (() => this).bind({ x: 1 });
[outer2.call('bound') === 'bound', self.outer2() === self, bound() === globalThis]
