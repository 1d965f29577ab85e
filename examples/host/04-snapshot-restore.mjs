// Durable runs: snapshot a suspended execution to bytes, restore it later in a fresh VM.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { compile, restore, runSync, SerializationError, snapshot, start } from '../../out/core/index.mjs';

const source = `
const order = await getOrder('o-1');
const total = order.items.reduce((t, i) => t + i.price, 0);
console.log('approving', order.id);
const ok = await approve(order.id, total);
({ id: order.id, total, ok })
`;
const caps = [{ name: 'getOrder' }, { name: 'approve' }]; // same names, same order on restore
const program = compile(source, { globals: caps.map((c) => c.name), capabilities: caps.map((c) => c.name) });
const key = randomBytes(32); // the host's secret: snapshots are HMAC-SHA-256 authenticated
const logs = [];
const options = { capabilities: caps, seed: 7, onConsole: (_l, t) => logs.push(t) };

// process 1: run until the first capability call, persist the bytes
let exec = start(program, options);
assert.equal(exec.outcome.status, 'suspended');
let bytes = snapshot(exec, key);
console.log(`suspended at ${exec.outcome.calls[0].capability}; snapshot ${bytes.length} bytes`);

// process 2 (later, elsewhere): restore, answer, continue; persist again at the next call
exec = restore(program, bytes, { ...options, key });
let out = exec.resume([{ id: exec.outcome.calls[0].id, value: { id: 'o-1', items: [{ price: 5 }, { price: 7 }] } }]);
assert.equal(out.status, 'suspended');
bytes = snapshot(exec, key);

exec = restore(program, bytes, { ...options, key });
out = exec.resume([{ id: out.calls[0].id, value: true }]);
console.log(logs.join('\n'));
console.log('completed:', JSON.stringify(out.value), out.instructions, 'instructions');

// exactly the same as an uninterrupted run
const handlers = { getOrder: () => ({ id: 'o-1', items: [{ price: 5 }, { price: 7 }] }), approve: () => true };
const direct = runSync(program, { ...options, onConsole: () => {}, capabilities: caps.map((c) => ({ ...c, handler: handlers[c.name] })) });
assert.deepEqual(out.value, direct.value);
assert.equal(out.instructions, direct.instructions);

// a wrong key, another program or damaged bytes are refused before anything is trusted
for (const [what, attempt] of [
  ['wrong key', () => restore(program, bytes, { ...options, key: randomBytes(32) })],
  ['other program', () => restore(compile('1', { globals: ['getOrder', 'approve'] }), bytes, { ...options, key })],
  ['damaged', () => restore(program, bytes.subarray(0, 40), { ...options, key })],
]) {
  assert.throws(attempt, SerializationError);
  try {
    attempt();
  } catch (e) {
    console.log(`${what}: ${e.name}: ${e.message}`);
  }
}
