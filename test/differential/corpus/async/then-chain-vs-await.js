const order = [];
Promise.resolve()
  .then(() => order.push('then1'))
  .then(() => order.push('then2'))
  .then(() => order.push('then3'))
  .then(() => order.push('then4'));
(async () => {
  order.push('async start');
  await null;
  order.push('await1');
  await null;
  order.push('await2');
})();
order.push('sync');
await Promise.resolve().then(() => {}).then(() => {}).then(() => {}).then(() => {});
order
