const log = [];
function* source() {
  for (const v of [5, 1, 8, 3, 9, 2]) {
    log.push('produce ' + v);
    yield v;
  }
}
function* onlyBig(it) {
  for (const v of it) if (v > 4) yield v;
}
const pipeline = onlyBig(source());
const firstTwo = [pipeline.next().value, pipeline.next().value];
[firstTwo, log]
