const log = [];
const iterable = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next: () => ({ value: i, done: i++ >= 3 }),
      return: () => { log.push('return called'); return {}; },
    };
  },
};
outer: for (const a of [1, 2]) {
  for (const b of iterable) {
    if (b === 1) continue;
    if (b === 2 && a === 2) continue outer;
    log.push(`${a}${b}`);
  }
}
log
