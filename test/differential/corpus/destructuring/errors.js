const attempts = [
  () => { const { a } = null; },
  () => { const { a } = undefined; },
  () => { const [x] = 5; },
  () => { const [x] = {}; },
  () => { const { length } = 'abc'; return length; },
  () => { const [c] = 'xyz'; return c; },
  () => { const { a: { b } } = { a: undefined }; },
];
attempts.map((f) => {
  try {
    return ['ok', f()];
  } catch (e) {
    return [e.name];
  }
})
