const log = [];
Promise.resolve().then(() => console.log('microtask after sync end'));
(async () => {
  await null;
  await null;
  console.log('async tail');
})();
console.log('sync');
'sync result'
