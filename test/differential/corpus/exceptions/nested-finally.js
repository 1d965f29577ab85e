const log = [];
function nested() {
  try {
    try {
      try {
        throw new Error('deep');
      } finally {
        log.push('inner finally');
      }
    } catch (e) {
      log.push('middle catch ' + e.message);
      throw new Error('rethrown');
    } finally {
      log.push('middle finally');
    }
  } catch (e) {
    log.push('outer catch ' + e.message);
    return 'result';
  } finally {
    log.push('outer finally');
  }
}
[nested(), log]
