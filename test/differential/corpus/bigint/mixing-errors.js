const ops = [
  () => 1n + 1, () => 1 + 1n, () => 1n * 1.5, () => Math.sqrt(4n), () => +5n, () => 5n >>> 1n, () => 1n / 0n,
  () => 2n ** -1n, () => Number(5n) + 1, () => parseInt(15n), () => 5n + '5', () => `${5n}` + 1, () => [1n].includes(1),
];
ops.map((f) => {
  try {
    return f();
  } catch (e) {
    return e.name;
  }
})
