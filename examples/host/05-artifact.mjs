// Program artifacts: export signed, load with the public key (no compiler needed), run.
import assert from 'node:assert/strict';
import {
  artifactCapabilities,
  checkArtifactInputs,
  createArtifact,
  generateSigningKeys,
  loadArtifact,
  run,
  SerializationError,
} from '../../out/core/index.mjs';

// build side (capsule export): keys from `capsule keygen`, here generated in memory
const keys = generateSigningKeys();
const bytes = createArtifact('const r = await lookup(user);\n`${user}: ${r.team}`', {
  capabilities: [
    {
      name: 'lookup',
      description: 'Find the team of a user',
      args: { type: 'array', items: [{ type: 'string' }] },
      result: { type: 'object', required: ['team'] },
    },
  ],
  inputs: { schema: { type: 'object', properties: { user: { type: 'string' } }, required: ['user'] } },
  limits: { instructions: 100_000 },
  privateKey: keys.privateKey, // omit for an ephemeral key: integrity only
  name: 'lookup.js',
});
console.log(`artifact: ${bytes.length} bytes, signed by ${keys.fingerprint.slice(0, 23)}…`);

// production side: only the public key; load verifies before it trusts anything
const artifact = loadArtifact(bytes, { publicKey: keys.publicKey });
console.log('manifest:', JSON.stringify(artifact.manifest.capabilities.map((c) => [c.name, c.description])));
console.log('inputs:', artifact.manifest.inputs.names, 'limits.instructions:', artifact.manifest.limits.instructions);

const inputs = { user: 'ada' };
checkArtifactInputs(artifact, inputs); // throws CapabilityError when the inputs do not fit
const result = await run(artifact.program, {
  inputs,
  limits: artifact.manifest.limits,
  capabilities: artifactCapabilities(artifact, { lookup: async (user) => ({ team: `${user}-team` }) }),
});
console.log('result:', result.value);
assert.equal(result.value, 'ada: ada-team');

// the source map: pc → line:col of every instruction of every function
const main = artifact.sourceMap.functions[0];
console.log('source map rows of the script:', main.mappings.length, 'first:', JSON.stringify(main.mappings.find((m) => m[1] > 0)));

// refusals: a flipped byte, another key
const tampered = bytes.slice();
tampered[100] ^= 1;
assert.throws(() => loadArtifact(tampered, { publicKey: keys.publicKey }), SerializationError);
assert.throws(() => loadArtifact(bytes, { publicKey: generateSigningKeys().publicKey }), /signed by a different key/);
try {
  loadArtifact(tampered);
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}
