function loop() {
  const log = [];
  for (let i = 0; i < 3; i++) {
    try {
      log.push(i);
      return log;
    } finally {
      if (i < 2) continue;
    }
  }
  log.push('loop ended');
  return log;
}
function breakOverridesReturn() {
  while (true) {
    try {
      return 'returned';
    } finally {
      break;
    }
  }
  return 'after loop';
}
[loop(), breakOverridesReturn()]
