async function level3() {
  await null;
  throw new SyntaxError('deep problem');
}
async function level2() {
  return await level3();
}
async function level1() {
  try {
    return await level2();
  } catch (e) {
    return { caughtAt: 'level1', name: e.name, message: e.message };
  }
}
await level1()
