const tries = [
  () => [...{}],
  () => [...null],
  () => [...123],
  () => Math.max(...undefined),
  () => [...'ok'],
  () => ({ ...123 }),
];
tries.map((f) => {
  try {
    return f();
  } catch (e) {
    return e.name;
  }
})
