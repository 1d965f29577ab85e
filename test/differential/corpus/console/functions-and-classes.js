function named() {}
const anon = () => {};
class Foo {}
class Bar extends Foo {}
console.log(named, anon, Foo, Bar);
console.log(async function af() {}, function* gen() {});
console.log({ method() {}, arrow: () => 1 });
console.log([named]);
console.log(new Foo(), new Bar());
'ok'
