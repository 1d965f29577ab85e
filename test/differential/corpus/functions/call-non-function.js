const cases = [
  () => undefined(),
  () => null.x,
  () => ({}).missing(),
  () => (1)(),
  () => new 5(),
  () => undefined.prop,
];
cases.map((f) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e.name;
  }
})
