const out = [];
const tries = [
  () => 1n + 1,
  () => 2n * 2.5,
  () => 1n + '1',
  () => +1n,
  () => 10n / 3n,
  () => -7n / 2n,
  () => 1n < 2,
  () => 2n == 2,
  () => 2n === 2,
  () => 1n >>> 0n,
  () => 5n % 0n,
  () => Math.max(1n),
];
for (const t of tries) {
  try { out.push(t()); } catch (e) { out.push(e.name); }
}
out
