console.log('1 sync');
setTimeoutLike(() => console.log('5 after two ticks'));
Promise.resolve().then(() => console.log('3 first microtask'));
queueLike(() => console.log('4 second microtask'));
console.log('2 sync end');
function queueLike(fn) {
  Promise.resolve().then(fn);
}
function setTimeoutLike(fn) {
  Promise.resolve().then(() => Promise.resolve()).then(fn);
}
'result'
