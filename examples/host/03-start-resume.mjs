// Step-wise: start() → suspended calls → resume(answers) in any order → completed; time slices.
import assert from 'node:assert/strict';
import { start } from '../../out/core/index.mjs';

const source = `
const [a, b, c] = await Promise.all([fetchUser(1), fetchUser(2), fetchUser(3)]);
let failed = '';
try { await fetchUser(4) } catch (e) { failed = e.name + ': ' + e.message }
[a.name, b.name, c.name, failed]
`;
// declarations only: the host answers the calls itself
const exec = start(source, { capabilities: [{ name: 'fetchUser', args: { type: 'array', items: [{ type: 'integer' }] } }] });

let out = exec.outcome;
assert.equal(out.status, 'suspended');
console.log('suspended:', out.calls.map((c) => `#${c.id} ${c.capability}(${c.args})`).join(', '));

// answer a subset, in any order; the program continues when it has what it waits for
out = exec.resume([{ id: out.calls[2].id, value: { name: 'carol' } }]);
assert.equal(out.status, 'suspended'); // still waiting for #1 and #2
out = exec.resume(out.calls.map((c) => ({ id: c.id, value: { name: c.args[0] === 1 ? 'ada' : 'bob' } })));

// an error answer becomes a guest exception the program can catch
assert.equal(out.status, 'suspended');
out = exec.resume([{ id: out.calls[0].id, error: { name: 'RangeError', message: 'no user 4' } }]);
assert.equal(out.status, 'completed');
console.log('completed:', JSON.stringify(out.value), 'after', out.instructions, 'instructions');
assert.deepEqual(out.value, ['ada', 'bob', 'carol', 'RangeError: no user 4']);

// time slices: pause every 10 000 instructions, continue with resume()
const busy = start('let n = 0; for (let i = 0; i < 50000; i++) n += i; n', { sliceInstructions: 10_000 });
let slices = 1;
while (busy.outcome.status === 'paused') {
  busy.resume();
  slices++;
}
console.log(`busy loop: ${busy.outcome.value} in ${slices} slices`);
assert.equal(busy.outcome.value, 1249975000);
assert.ok(slices > 5);
