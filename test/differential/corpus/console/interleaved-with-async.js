console.log('a');
(async () => {
  console.info('b');
  await null;
  console.warn('d');
  await null;
  console.error('f');
})();
Promise.resolve().then(() => console.log('e'));
console.debug('c');
'sync result'
