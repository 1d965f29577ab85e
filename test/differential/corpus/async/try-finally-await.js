const log = [];
async function task(fail) {
  try {
    log.push('start');
    await null;
    if (fail) throw new Error('failed');
    return 'ok';
  } catch (e) {
    log.push('catch ' + e.message);
    await null;
    return 'recovered';
  } finally {
    await null;
    log.push('finally');
  }
}
const a = await task(false);
const b = await task(true);
[a, b, log]
