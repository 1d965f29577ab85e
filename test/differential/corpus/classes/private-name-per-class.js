class Counter {
  #n = 0;
  inc() { return ++this.#n; }
  static same(a, b) { return a.#n === b.#n; }
}
class Other {
  #n = 100;
}
const a = new Counter();
const b = new Counter();
a.inc();
a.inc();
b.inc();
let crossErr = null;
try { Counter.same(a, new Other()); } catch (e) { crossErr = e.name; }
[a.inc(), b.inc(), Counter.same(new Counter(), new Counter()), crossErr]
