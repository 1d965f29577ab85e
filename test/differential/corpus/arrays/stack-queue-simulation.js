const queue = [];
const processed = [];
const enqueue = (...jobs) => queue.push(...jobs);
enqueue({ id: 1, spawn: 2 }, { id: 2, spawn: 0 });
let nextId = 3;
while (queue.length) {
  const job = queue.shift();
  processed.push(job.id);
  for (let i = 0; i < job.spawn; i++) enqueue({ id: nextId++, spawn: job.spawn - 1 });
}
const stack = [1, 2, 3];
const popped = [];
while (stack.length) popped.push(stack.pop());
[processed, popped]
