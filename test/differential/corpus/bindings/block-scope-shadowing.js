let name = 'outer';
const log = [];
{
  let name = 'block';
  log.push(name);
  {
    const name = 'inner';
    log.push(name);
  }
  log.push(name);
}
log.push(name);
if (true) {
  let name = 'if';
  log.push(name);
}
log
