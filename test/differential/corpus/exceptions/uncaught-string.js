// diff: throws compare-messages
function fail(reason) {
  throw 'plain string: ' + reason;
}
console.info('about to fail');
const r = fail('nope');
r
