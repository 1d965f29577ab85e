/** `capsule keygen -o KEYFILE`: a fresh Ed25519 key pair for signing artifacts. */
import { fileExists, HostFileError, writeFile } from '../host/files';
import { generateSigningKeys } from '../index';
import { UsageError } from './args';
import type { Command } from './command';
import { EXIT } from './io';

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'create an Ed25519 key pair for signing artifacts',
  operands: '-o KEYFILE',
  minOperands: 0,
  maxOperands: 0,
  options: {
    output: { type: 'string', short: 'o', valueName: 'KEYFILE', description: 'private key file (PEM, mode 0600); the public key goes to KEYFILE.pub' },
    force: { type: 'boolean', description: 'replace existing key files' },
  },
  details: [
    'Keep KEYFILE secret (capsule export --key KEYFILE signs with it). Give KEYFILE.pub to',
    'production hosts: loadArtifact(bytes, { publicKey }) and capsule run --public-key refuse',
    'artifacts signed by any other key.',
  ],
  run({ io, args, where }) {
    const out = args.values.output;
    if (typeof out !== 'string') throw new UsageError(`${where}: missing -o KEYFILE (usage: ${where} -o KEYFILE)`);
    const exclusive = args.values.force !== true;
    for (const path of [out, `${out}.pub`]) {
      if (exclusive && fileExists(path)) throw new UsageError(`${where}: '${path}' already exists (pass --force to replace it)`);
    }
    const keys = generateSigningKeys();
    try {
      writeFile(out, keys.privateKey, { mode: 0o600, exclusive });
      writeFile(`${out}.pub`, keys.publicKey, { exclusive });
    } catch (err) {
      if (err instanceof HostFileError) throw new UsageError(`${where}: ${err.message}`);
      throw err;
    }
    io.stdout(`wrote ${out} (private key, keep it secret) and ${out}.pub (public key), ${keys.fingerprint}\n`);
    return EXIT.ok;
  },
};
