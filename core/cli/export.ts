/** `capsule export FILE -o NAME.capsule`: compile, sign and write a program artifact. */
import { basename } from 'node:path';
import { HostFileError, writeFile } from '../host/files';
import { createArtifact, keyFingerprint, type Capability } from '../index';
import { UsageError } from './args';
import { readOptionFile, readSource, type Command } from './command';
import { EXIT } from './io';
import { mockCapabilities, readMocksFile } from './mocks';
import { jsonObjectArg, parseLimits } from './options';
import { outcomeOf } from './report';

export const exportCommand: Command = {
  name: 'export',
  summary: 'compile a script into a signed artifact (.capsule) for production hosts',
  operands: 'FILE',
  minOperands: 1,
  maxOperands: 1,
  options: {
    output: { type: 'string', short: 'o', valueName: 'NAME.capsule', description: 'where to write the artifact (default: FILE with .capsule)' },
    key: { type: 'string', valueName: 'KEYFILE', description: 'Ed25519 private key (PEM, from capsule keygen); without it: an ephemeral key, integrity only' },
    capabilities: {
      type: 'string',
      valueName: 'CAPS.json',
      description: 'capabilities the program may call, with schemas: a mocks file (docs/MOCKS.md; mocks are ignored)',
    },
    'inputs-schema': {
      type: 'string',
      valueName: 'JSON|@file.json',
      description: 'JSON Schema of the inputs object; its "properties" name the inputs',
    },
    limits: { type: 'string', valueName: 'JSON|@file.json', description: 'default limits recorded in the artifact' },
  },
  details: [
    'The artifact holds the source, the compiled bytecode, a pc → line:col source map, the core',
    'version, the program hash, the manifest (capabilities the program calls with their schemas,',
    'declared inputs, default limits) and an Ed25519 signature. Only capabilities the program',
    'refers to are kept in the manifest.',
    '',
    'Examples:',
    '  capsule keygen -o release.key',
    '  capsule export job.js -o job.capsule --key release.key --capabilities caps.json',
    `  capsule export job.js --inputs-schema '{"type":"object","properties":{"user":{"type":"string"}},"required":["user"]}'`,
  ],
  run({ io, args, where }) {
    const file = args.positionals[0];
    const v = args.values;
    const out = typeof v.output === 'string' ? v.output : `${file.replace(/\.[cm]?js$/, '')}.capsule`;
    if (out === file) throw new UsageError(`${where}: the output would overwrite the script; pass -o NAME.capsule`);
    const source = readSource(file, where);
    let capabilities: Capability[] = [];
    if (typeof v.capabilities === 'string') {
      capabilities = mockCapabilities(readMocksFile(v.capabilities, '--capabilities', where), `${where}: --capabilities file '${v.capabilities}'`).map(
        ({ handler: _h, ...decl }) => decl,
      );
    }
    const inputsSchema = typeof v['inputs-schema'] === 'string' ? jsonObjectArg(v['inputs-schema'], '--inputs-schema', where) : undefined;
    const limits = typeof v.limits === 'string' ? parseLimits(jsonObjectArg(v.limits, '--limits', where), where) : undefined;
    const privateKey = typeof v.key === 'string' ? readOptionFile(v.key, '--key', where) : undefined;
    let bytes: Uint8Array;
    try {
      bytes = createArtifact(source, {
        capabilities,
        inputs: inputsSchema ? { schema: inputsSchema } : undefined,
        limits,
        privateKey,
        name: basename(file),
      });
    } catch (err) {
      const outcome = outcomeOf(err, file, io);
      io.stderr(`${outcome.lines.join('\n')}\n`);
      return outcome.exitCode;
    }
    try {
      writeFile(out, bytes);
    } catch (err) {
      if (err instanceof HostFileError) throw new UsageError(`${where}: ${err.message}`);
      throw err;
    }
    const signer = privateKey ? `signed by ${keyFingerprint(privateKey)}` : 'signed with an ephemeral key (integrity only; pass --key to sign)';
    io.stdout(`wrote ${out} (${bytes.length} bytes), ${signer}\n`);
    return EXIT.ok;
  },
};
