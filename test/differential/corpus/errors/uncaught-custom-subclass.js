// diff: throws compare-messages
class QuotaExceeded extends Error {
  constructor(used, limit) {
    super(`quota exceeded: ${used}/${limit}`);
    this.name = 'QuotaExceeded';
  }
}
const usage = [10, 40, 70];
let used = 0;
for (const u of usage) {
  used += u;
  if (used > 100) throw new QuotaExceeded(used, 100);
}
used
