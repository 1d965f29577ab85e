const delay = (v) => new Promise((resolve) => resolve(v));
console.log('start');
const a = await delay(1);
console.log('got a', a);
const [b, c] = await Promise.all([delay(2), delay(3)]);
console.log('got b c', b, c);
const total = a + b + c;
({ total, done: true })
