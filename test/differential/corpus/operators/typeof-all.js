const values = [
  undefined, null, true, 0, 0n, '', Symbol('s'), {}, [], () => {}, class {},
  new Map(), /x/, new Date(0), NaN, function* () {}, async () => {},
];
const r = values.map((v) => typeof v);
r.push(typeof undeclared, typeof typeof 1, typeof (() => 1)(), typeof new Number(1));
r
