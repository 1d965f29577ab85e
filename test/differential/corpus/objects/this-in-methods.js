const counter = {
  count: 0,
  inc() { this.count++; return this; },
  add(n) { this.count += n; return this; },
  nestedArrow() { return [1, 2].map(() => this.count); },
  nestedFunction() { return [1].map(function () { return this === undefined; }); },
};
counter.inc().inc().add(5);
const { inc } = counter;
let detached;
try { inc(); } catch (e) { detached = e.name; }
[counter.count, counter.nestedArrow(), counter.nestedFunction(), detached]
