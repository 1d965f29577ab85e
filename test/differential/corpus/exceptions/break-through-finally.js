const log = [];
for (let i = 0; i < 3; i++) {
  try {
    if (i === 1) break;
    log.push('body' + i);
  } finally {
    log.push('finally' + i);
  }
}
outer: for (const x of ['a', 'b']) {
  for (const y of [1, 2]) {
    try {
      if (y === 2) continue outer;
      log.push(x + y);
    } finally {
      log.push('f' + x + y);
    }
  }
}
log
