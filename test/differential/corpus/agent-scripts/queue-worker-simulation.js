const queue = [
  { id: 1, kind: 'resize', size: 3 },
  { id: 2, kind: 'email', size: 1 },
  { id: 3, kind: 'resize', size: 2 },
  { id: 4, kind: 'unknown', size: 1 },
  { id: 5, kind: 'email', size: 1 },
];
const handlers = {
  async resize(job) { for (let i = 0; i < job.size; i++) await null; return `resized ${job.id}`; },
  async email(job) { await null; return `emailed ${job.id}`; },
};
const done = [];
const dead = [];
async function worker(name) {
  while (queue.length) {
    const job = queue.shift();
    const handler = handlers[job.kind];
    if (!handler) { dead.push(job.id); continue; }
    done.push(`${name}:${await handler(job)}`);
  }
}
await Promise.all([worker('w1'), worker('w2')]);
({ done, dead })
