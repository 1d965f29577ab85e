// diff: throws compare-messages
const steps = ['load', 'parse', 'validate'];
for (const s of steps) {
  console.log('step', s);
  if (s === 'parse') throw new SyntaxError(`failed at ${s}`);
}
'done'
