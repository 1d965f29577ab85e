const LIMIT = 2;
let active = 0;
const waiting = [];
const trace = [];
async function acquire() {
  if (active < LIMIT) { active++; return; }
  await new Promise((resolve) => waiting.push(resolve));
  active++;
}
function release() {
  active--;
  const next = waiting.shift();
  if (next) next();
}
async function limited(name, cost) {
  await acquire();
  trace.push(`start ${name} (active ${active})`);
  for (let i = 0; i < cost; i++) await null;
  trace.push(`end ${name}`);
  release();
  return name;
}
const results = await Promise.all([limited('a', 3), limited('b', 1), limited('c', 2), limited('d', 1)]);
({ results, trace, maxActiveRespected: !trace.some((t) => /active [3-9]/.test(t)) })
