// run(): async capabilities with schemas, inputs, console, seed, fixed clock and limits.
import assert from 'node:assert/strict';
import { run } from '../../out/core/index.mjs';

const source = `
const hits = await Promise.all(services.map((s) => searchLogs(s, 2)));
console.log('searched', hits.length, 'services at', new Date().toISOString());
// in synchronous code a capability call evaluates to the answer itself (no await)
function ownerOf(service) { return lookupOwner(service).team }
const owner = ownerOf(services[0]);
({ hits: hits.flat(), owner, dice: Math.floor(Math.random() * 6) + 1 })
`;

const logs = [];
const result = await run(source, {
  inputs: { services: ['checkout', 'payments'] },
  capabilities: {
    searchLogs: {
      description: 'Search the log index',
      args: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] },
      result: { type: 'array', items: { type: 'string' } },
      handler: async (service, limit) => {
        await new Promise((r) => setTimeout(r, 5)); // real I/O goes here
        return Array.from({ length: limit }, (_, i) => `${service}: timeout #${i}`);
      },
    },
    lookupOwner: (service) => ({ service, team: 'payments-oncall' }), // sync handlers work too
  },
  onConsole: (level, text) => logs.push(`[${level}] ${text}`),
  seed: 42, // Math.random is reproducible
  now: () => Date.UTC(2024, 4, 1, 12), // Date.now() and new Date() read this clock
  limits: { instructions: 1_000_000, outstandingHostCalls: 8, timeMs: 5_000 },
});

console.log(logs.join('\n'));
console.log(JSON.stringify(result.value));
console.log(`instructions ${result.instructions}, seed ${result.seed}`);
assert.equal(result.value.hits.length, 4);
assert.equal(result.value.owner, 'payments-oncall');
assert.equal(logs[0], '[log] searched 2 services at 2024-05-01T12:00:00.000Z');
// same seed and clock, same run
assert.deepEqual((await run(source, { ...sameOptions() })).value.dice, result.value.dice);

function sameOptions() {
  return {
    inputs: { services: ['checkout', 'payments'] },
    capabilities: { searchLogs: async (s, n) => Array.from({ length: n }, () => s), lookupOwner: () => ({ team: 't' }) },
    seed: 42,
    now: () => Date.UTC(2024, 4, 1, 12),
  };
}
