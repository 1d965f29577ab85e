// diff: throws
async function ok() { return 1; }
console.log('never printed');
function notAsync() {
  return await ok();
}
notAsync()
