/** `capsule inspect ARTIFACT`: verify an artifact and print its manifest. */
import { loadArtifact, type Artifact, type JSONSchema } from '../index';
import { HostFileError, readBinaryFile } from '../host/files';
import { UsageError } from './args';
import { readOptionFile, type Command } from './command';
import { EXIT } from './io';
import { JSON_OPTION } from './options';
import { outcomeOf } from './report';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: "verify an artifact and print its manifest",
  operands: 'ARTIFACT',
  minOperands: 1,
  maxOperands: 1,
  options: {
    'public-key': { type: 'string', valueName: 'KEY.pub', description: 'require the artifact to be signed by this Ed25519 public key' },
    ...JSON_OPTION,
  },
  details: [
    'Checks the magic, format and core versions, the signature and the program hash first (exit 5',
    'when any fails). Prints the name, versions, program hash, who signed it, the declared inputs,',
    'the default limits and each capability with its description and schemas. --json prints one',
    'JSON object: {"ok":true,"artifact":{formatVersion, coreVersion, programHash, name, signer,',
    'manifest, functions}} (or the usual {"ok":false,"error":…}).',
  ],
  run({ io, args, where }) {
    const file = args.positionals[0];
    const json = args.values.json === true;
    let bytes: Uint8Array;
    try {
      bytes = readBinaryFile(file);
    } catch (err) {
      if (err instanceof HostFileError) throw new UsageError(`${where}: ${err.message}`);
      throw err;
    }
    const keyPath = args.values['public-key'];
    const publicKey = typeof keyPath === 'string' ? readOptionFile(keyPath, '--public-key', where) : undefined;
    let artifact: Artifact;
    try {
      artifact = loadArtifact(bytes, { publicKey });
    } catch (err) {
      const outcome = outcomeOf(err, file, io);
      if (json) io.stdout(`${JSON.stringify({ ok: false, error: outcome.report })}\n`);
      else io.stderr(`${outcome.lines.join('\n')}\n`);
      return outcome.exitCode;
    }
    if (json) {
      const { formatVersion, coreVersion, programHash, name, signer, manifest, program } = artifact;
      const { publicKey: pem, ...signerInfo } = signer;
      const summary = { formatVersion, coreVersion, programHash, name, signer: { ...signerInfo, publicKey: pem }, manifest, functions: program.functions.length };
      io.stdout(`${JSON.stringify({ ok: true, artifact: summary })}\n`);
      return EXIT.ok;
    }
    io.stdout(`${describe(file, artifact).join('\n')}\n`);
    return EXIT.ok;
  },
};

function schemaText(s: JSONSchema | undefined): string {
  return s === undefined ? 'any' : JSON.stringify(s);
}

/** The human listing. */
export function describe(file: string, a: Artifact): string[] {
  const { signer, manifest } = a;
  const codeWords = a.program.functions.reduce((n, f) => n + f.code.length, 0);
  const lines = [
    `artifact      ${file}${a.name ? ` (exported from ${a.name})` : ''}`,
    `format        ${a.formatVersion}, core ${a.coreVersion}`,
    `program       ${a.programHash}`,
    `              ${a.program.functions.length} functions, ${codeWords} code words, ${a.program.source.split('\n').length} source lines`,
    `signature     Ed25519 ${signer.fingerprint}`,
    signer.ephemeral
      ? '              ephemeral key (exported without --key): integrity only, says nothing about who exported it'
      : signer.verifiedWith === 'publicKey'
        ? '              verified against --public-key'
        : '              verified against the key in the file only; pass --public-key to check who signed it',
    `inputs        ${manifest.inputs.names.length ? manifest.inputs.names.join(', ') : 'none'}`,
  ];
  if (manifest.inputs.schema !== undefined) lines.push(`              schema ${JSON.stringify(manifest.inputs.schema)}`);
  lines.push(`limits        ${Object.entries(manifest.limits).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (!manifest.capabilities.length) lines.push('capabilities  none');
  else {
    lines.push(`capabilities  ${manifest.capabilities.length}`);
    for (const c of manifest.capabilities) {
      lines.push(`  ${c.name}${c.description ? ` — ${c.description}` : ''}`);
      lines.push(`    args    ${schemaText(c.args)}`);
      lines.push(`    result  ${schemaText(c.result)}`);
    }
  }
  return lines;
}
