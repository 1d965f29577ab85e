// Limits, cancellation with an AbortSignal, and the typed errors a host handles.
import assert from 'node:assert/strict';
import {
  CapabilityError,
  CapabilityFailure,
  CapsuleError,
  LimitError,
  run,
  runSync,
  RuntimeError,
  start,
} from '../../out/core/index.mjs';

// LimitError: budgets a guest `catch` can never swallow
try {
  runSync('try { while (true) {} } catch { "swallowed" }', { limits: { instructions: 10_000 } });
} catch (e) {
  assert.ok(e instanceof LimitError && e.limit === 'instructions');
  console.log(`${e.name} (${e.limit}): ${e.message}`);
}

// AbortSignal: cancel a run that waits on a slow capability
const controller = new AbortController();
setTimeout(() => controller.abort(), 20);
try {
  await run('await slow()', { capabilities: { slow: () => new Promise((r) => setTimeout(r, 10_000).unref()) }, signal: controller.signal });
} catch (e) {
  assert.ok(e instanceof LimitError && e.limit === 'cancelled');
  console.log(`aborted: ${e.message}`);
}

// RuntimeError: an uncaught guest exception, guest data only (name, message, guest stack)
try {
  runSync('function f() { throw new TypeError("bad order") }\nf()');
} catch (e) {
  assert.ok(e instanceof RuntimeError);
  console.log(`${e.guestName}: ${e.guestMessage}\n${e.guestStack}`);
}

// CapabilityFailure: a deliberate failure the guest sees by name and message;
// any other throw reaches the guest only as "capability NAME failed" (details go to diagnostics)
const seen = [];
const r = runSync(
  `const out = [];
   try { charge(5) } catch (e) { out.push(e.name + ': ' + e.message) }
   try { leak() } catch (e) { out.push(e.name + ': ' + e.message) }
   try { charge("five") } catch (e) { out.push(e.name + ': ' + e.message) }
   out`,
  {
    capabilities: {
      charge: { args: { type: 'array', items: [{ type: 'integer' }] }, handler: () => { throw new CapabilityFailure('card declined', 'PaymentError'); } },
      leak: () => { throw new Error('db password is hunter2'); },
    },
    onDiagnostic: (d) => seen.push(`${d.capability} ${d.direction}: ${d.message}`),
  },
);
console.log(r.value.join('\n'));
console.log('host diagnostics:', seen.join(' | '));
assert.deepEqual(r.value, ['PaymentError: card declined', 'Error: capability leak failed', 'TypeError: charge(): arguments[0] must be integer']);

// CapabilityError: the host broke a contract (here: answering a call that does not exist)
const exec = start('await ask()', { capabilities: [{ name: 'ask' }] });
try {
  exec.resume([{ id: 999, value: 1 }]);
} catch (e) {
  assert.ok(e instanceof CapabilityError && e instanceof CapsuleError);
  console.log(`${e.name} (kind ${e.kind}): ${e.message}`);
}
