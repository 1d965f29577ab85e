const log = [];
for (let i = 0; i < 5; i++) {
  switch (i) {
    case 1:
      continue;
    case 3:
      break;
    default:
      log.push('d' + i);
  }
  log.push('after' + i);
}
loop: for (const x of [1, 2, 3]) {
  switch (x) {
    case 2:
      break loop;
  }
  log.push('x' + x);
}
log
