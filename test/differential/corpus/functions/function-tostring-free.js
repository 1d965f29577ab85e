// typeof and length checks without relying on Function.prototype.toString
const fns = [
  function () {},
  (a, b) => {},
  async function (x) {},
  function* (a, b = 1, c) {},
  async () => {},
  class {},
  (...rest) => rest,
];
fns.map((f) => [typeof f, f.length, Object.prototype.toString.call(f)])
