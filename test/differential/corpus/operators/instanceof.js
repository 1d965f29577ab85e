class Animal {}
class Dog extends Animal {}
function Legacy() {}
const d = new Dog();
const l = new Legacy();
const checks = [
  d instanceof Dog, d instanceof Animal, d instanceof Object, l instanceof Legacy, l instanceof Animal,
  [] instanceof Array, [] instanceof Object, Object.create(null) instanceof Object,
  (() => {}) instanceof Object, 5 instanceof Number, new Number(5) instanceof Number, 'x' instanceof String,
];
const errs = [];
try { d instanceof {}; } catch (e) { errs.push(e.name); }
try { d instanceof 5; } catch (e) { errs.push(e.name); }
[checks, errs]
