const animal = {
  speak() { return 'generic sound'; },
  describe() { return 'animal'; },
};
const dog = {
  __proto__: animal,
  speak() { return super.speak() + ' / woof'; },
  describe() { return `dog < ${super.describe()}`; },
};
const puppy = { __proto__: dog, speak() { return super.speak() + ' (tiny)'; } };
[dog.speak(), puppy.speak(), puppy.describe()]
