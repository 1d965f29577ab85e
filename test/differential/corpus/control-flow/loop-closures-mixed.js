const handlers = {};
const names = ['open', 'save', 'close'];
for (let i = 0; i < names.length; i++) {
  const name = names[i];
  let calls = 0;
  handlers[name] = () => `${name}#${i}:${++calls}`;
}
handlers.save();
[handlers.open(), handlers.save(), handlers.close(), handlers.save()]
