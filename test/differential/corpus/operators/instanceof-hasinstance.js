class Even {
  static [Symbol.hasInstance](n) {
    return typeof n === 'number' && n % 2 === 0;
  }
}
const Duck = { [Symbol.hasInstance]: (o) => o !== null && typeof o === 'object' && 'quack' in o };
[2 instanceof Even, 3 instanceof Even, { quack: 1 } instanceof Duck, {} instanceof Duck, null instanceof Duck]
