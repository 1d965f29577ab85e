const s = Symbol('x');
const tries = [() => s + '', () => `${s}`, () => s * 2, () => +s, () => String(s), () => s.toString(), () => [s].join(), () => s == 'x', () => !s, () => new Symbol()];
tries.map((f) => {
  try {
    return f();
  } catch (e) {
    return e.name;
  }
})
