/**
 * Program artifacts: a compiled program, its manifest and its source map as one signed
 * file (`capsule export`), so a production host can run a validated program without
 * the compiler and knows what the program needs before running it.
 *
 * Layout (all integers little-endian):
 *
 *     0   8 bytes  magic "\x89CAPSART"
 *     8   u16      format version (ARTIFACT_FORMAT_VERSION)
 *     10  u32      body length L
 *     14  L bytes  body: msgpack of {@link ArtifactBody}
 *     14+L 32 bytes Ed25519 public key of the signer (raw)
 *     46+L 64 bytes Ed25519 signature of bytes [0, 46+L)
 *
 * Ed25519, not HMAC: a production host verifies with the public key alone and cannot
 * forge artifacts; with HMAC every host that verifies would hold the signing secret.
 * Without a signing key `createArtifact` signs with a fresh ephemeral key whose public
 * half is embedded: that proves integrity (no byte changed since export) but not who
 * exported it, the manifest says `signer.ephemeral`, and a host that passes its
 * `publicKey` refuses it.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { Ajv } from 'ajv';
import { Packr } from 'msgpackr';
import { decodeProgram, encodeProgram, sourceMapOf, type EncodedProgram, type SourceMap } from './bytecode';
import { normalizeCapabilities, type Capability, type CapabilityDecl, type CapabilityHandler, type JSONSchema } from './capabilities';
import type { CompiledProgram } from './chunk';
import { CapabilityError, SerializationError } from './errors';
import { compile } from './program';
import { programHash } from './snapshot/index';
import { CORE_VERSION } from './version';
import { DEFAULT_LIMITS, type Limits } from './vm/interpreter';

export const ARTIFACT_MAGIC = Uint8Array.from([0x89, 0x43, 0x41, 0x50, 0x53, 0x41, 0x52, 0x54]); // \x89CAPSART
export const ARTIFACT_FORMAT_VERSION = 1;
const HEADER = 14;
const KEY_BYTES = 32;
const SIG_BYTES = 64;
/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows. */
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

/** The inputs a program declares: their names (globals) and an optional JSON Schema of the inputs object. */
export interface InputsDecl {
  names: string[];
  schema?: JSONSchema;
}

/** What a program needs from its host, readable before running it. */
export interface Manifest {
  /** The capabilities the program calls (declared at export and referenced by the program), with schemas. */
  capabilities: CapabilityDecl[];
  inputs: InputsDecl;
  /** The limits the program was exported with (core defaults for those not given). */
  limits: Limits;
}

/** The signed body of an artifact (msgpack). */
export interface ArtifactBody {
  coreVersion: string;
  /** `sha256:` + hex of the program hash (see {@link programHashOf}). */
  programHash: string;
  /** A label, e.g. the exported file's name. */
  name: string;
  signer: { ephemeral: boolean };
  manifest: Manifest;
  program: EncodedProgram;
  sourceMap: SourceMap;
}

/** A verified artifact. */
export interface Artifact {
  formatVersion: number;
  coreVersion: string;
  programHash: string;
  name: string;
  manifest: Manifest;
  /** Ready for start/run/runSync/restore (decoded, not recompiled). */
  program: CompiledProgram;
  sourceMap: SourceMap;
  signer: {
    /** The signer's public key (SPKI PEM). */
    publicKey: string;
    /** `sha256:` + hex of the raw 32-byte public key. */
    fingerprint: string;
    /** Signed with a throwaway key at export: integrity only, no identity. */
    ephemeral: boolean;
    /** `publicKey`: checked against the key the host passed; `embedded`: only against the key in the file. */
    verifiedWith: 'publicKey' | 'embedded';
  };
}

export interface ExportOptions {
  /** Capabilities the program may call, with schemas and descriptions (handlers are ignored). */
  capabilities?: readonly CapabilityDecl[] | readonly Capability[];
  /** Input names, or a JSON Schema of the inputs object whose `properties` name them. */
  inputs?: readonly string[] | { schema: JSONSchema };
  /** Limits recorded as the program's defaults (missing ones: core's defaults). */
  limits?: Partial<Limits>;
  /** Ed25519 private key (KeyObject or PEM). Without it an ephemeral key signs (integrity only). */
  privateKey?: KeyObject | string;
  name?: string;
}

export interface LoadOptions {
  /**
   * The Ed25519 public key (KeyObject or PEM) the artifact must be signed with. Without
   * it only the embedded key is checked: integrity, not origin.
   */
  publicKey?: KeyObject | string;
}

const packr = new Packr({ useRecords: false, moreTypes: false, mapsAsObjects: true, variableMapSize: true });

function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * The program hash as text: `sha256:` + hex of {@link programHash} (core/snapshot), the
 * same hash every snapshot of the program records, so a host can pair an artifact with
 * the snapshots of its runs.
 */
export function programHashOf(program: CompiledProgram): string {
  return `sha256:${Buffer.from(programHash(program)).toString('hex')}`;
}

function rawPublicKey(key: KeyObject): Uint8Array {
  const der = new Uint8Array(key.export({ format: 'der', type: 'spki' }));
  if (key.asymmetricKeyType !== 'ed25519' || der.length !== SPKI_PREFIX.length + KEY_BYTES) {
    throw new SerializationError('artifact keys must be Ed25519 keys');
  }
  return der.slice(SPKI_PREFIX.length);
}

function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  const der = new Uint8Array(SPKI_PREFIX.length + KEY_BYTES);
  der.set(SPKI_PREFIX);
  der.set(raw, SPKI_PREFIX.length);
  return createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
}

function toPrivateKey(key: KeyObject | string): KeyObject {
  try {
    const k = typeof key === 'string' ? createPrivateKey(key) : key;
    if (k.type !== 'private' || k.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 private key');
    return k;
  } catch {
    throw new SerializationError('the signing key is not an Ed25519 private key (PEM); create one with `capsule keygen`');
  }
}

function toPublicKey(key: KeyObject | string): KeyObject {
  try {
    const k = typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
    if (k.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
    return k;
  } catch {
    throw new SerializationError('the public key is not an Ed25519 public key (PEM)');
  }
}

/** A fresh Ed25519 key pair as PEM text (what `capsule keygen` writes). */
export function generateSigningKeys(): { privateKey: string; publicKey: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    fingerprint: sha256(rawPublicKey(publicKey)),
  };
}

/** `sha256:` fingerprint of an Ed25519 key (public, or the public half of a private key). */
export function keyFingerprint(key: KeyObject | string): string {
  return sha256(rawPublicKey(toPublicKey(key)));
}

function inputNames(inputs: ExportOptions['inputs']): InputsDecl {
  if (!inputs) return { names: [] };
  if (Array.isArray(inputs)) return { names: [...(inputs as string[])] };
  const schema = (inputs as { schema: JSONSchema }).schema;
  const props = typeof schema === 'object' && schema !== null ? (schema as { properties?: unknown }).properties : undefined;
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    throw new CapabilityError('the inputs schema must be an object schema whose "properties" name the inputs');
  }
  checkSchema(schema, 'inputs schema');
  return { names: Object.keys(props), schema };
}

let ajv: Ajv | null = null;
function ajvInstance(): Ajv {
  return (ajv ??= new Ajv({ allErrors: false, strict: false }));
}

function checkSchema(schema: JSONSchema, what: string): void {
  try {
    ajvInstance().compile(schema as object);
  } catch (e) {
    throw new CapabilityError(`${what}: invalid JSON Schema: ${(e as Error).message}`);
  }
}

/**
 * Compiles `source` with the declared capabilities and inputs and returns the signed
 * artifact bytes. Throws ParseError/ValidationError for a bad program, CapabilityError
 * for bad declarations, SerializationError for a bad key.
 */
export function createArtifact(source: string, options: ExportOptions = {}): Uint8Array {
  const key = options.privateKey === undefined ? generateKeyPairSync('ed25519').privateKey : toPrivateKey(options.privateKey);
  const declared = normalizeCapabilities(options.capabilities as readonly Capability[] | undefined);
  const inputs = inputNames(options.inputs);
  for (const c of declared) {
    if (c.args !== undefined) checkSchema(c.args, `capability ${c.name} args`);
    if (c.result !== undefined) checkSchema(c.result, `capability ${c.name} result`);
    if (inputs.names.includes(c.name)) throw new CapabilityError(`'${c.name}' is declared both as an input and as a capability`);
  }
  const capNames = declared.map((c) => c.name);
  const program = compile(source, { globals: [...inputs.names, ...capNames], capabilities: capNames });
  const used = new Set(program.freeNames);
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(options.limits ?? {})) {
    if (!Object.hasOwn(DEFAULT_LIMITS, k) || typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw new CapabilityError(`limits.${k} must be a known limit with a non-negative integer value`);
    }
    limits[k as keyof Limits] = v;
  }
  const encoded = encodeProgram(program);
  const body: ArtifactBody = {
    coreVersion: CORE_VERSION,
    programHash: programHashOf(program),
    name: options.name ?? '',
    signer: { ephemeral: options.privateKey === undefined },
    manifest: {
      capabilities: declared
        .filter((c) => used.has(c.name))
        .map((c) => ({
          name: c.name,
          ...(c.description !== undefined ? { description: c.description } : {}),
          ...(c.args !== undefined ? { args: c.args } : {}),
          ...(c.result !== undefined ? { result: c.result } : {}),
        })),
      inputs,
      limits,
    },
    program: encoded,
    sourceMap: sourceMapOf(program),
  };
  const bodyBytes = packr.pack(body);
  const out = new Uint8Array(HEADER + bodyBytes.length + KEY_BYTES + SIG_BYTES);
  out.set(ARTIFACT_MAGIC, 0);
  const dv = new DataView(out.buffer);
  dv.setUint16(8, ARTIFACT_FORMAT_VERSION, true);
  dv.setUint32(10, bodyBytes.length, true);
  out.set(bodyBytes, HEADER);
  out.set(rawPublicKey(createPublicKey(key)), HEADER + bodyBytes.length);
  const signed = out.subarray(0, HEADER + bodyBytes.length + KEY_BYTES);
  out.set(sign(null, signed, key), signed.length);
  return out;
}

function refuse(message: string): SerializationError {
  return new SerializationError(`not a valid Capsule artifact: ${message}`);
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkManifest(m: unknown): Manifest {
  if (!isObj(m) || !Array.isArray(m.capabilities) || !isObj(m.inputs) || !isObj(m.limits)) throw refuse('malformed manifest');
  for (const c of m.capabilities) {
    if (!isObj(c) || typeof c.name !== 'string') throw refuse('malformed capability in the manifest');
    if (c.description !== undefined && typeof c.description !== 'string') throw refuse('malformed capability in the manifest');
  }
  const inputs = m.inputs;
  if (!Array.isArray(inputs.names) || !inputs.names.every((n) => typeof n === 'string')) throw refuse('malformed inputs in the manifest');
  for (const k of Object.keys(DEFAULT_LIMITS)) {
    const v = m.limits[k];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw refuse(`malformed limit ${k} in the manifest`);
  }
  return m as unknown as Manifest;
}

/**
 * Verifies and decodes artifact bytes. In order: magic, format version, length, the
 * Ed25519 signature (against `publicKey` when given, else the embedded key), core
 * version, the bytecode's structure, the program hash, then the source map. Any failure
 * is a SerializationError saying what was wrong; nothing in the body is used before the
 * signature is checked.
 */
export function loadArtifact(bytes: Uint8Array, options: LoadOptions = {}): Artifact {
  if (!(bytes instanceof Uint8Array)) throw refuse('expected bytes (a Uint8Array)');
  if (bytes.length < HEADER || !ARTIFACT_MAGIC.every((b, i) => bytes[i] === b)) throw refuse('wrong magic (is this a .capsule file?)');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(8, true);
  if (version !== ARTIFACT_FORMAT_VERSION) {
    throw refuse(`artifact format version ${version} is not supported (this core reads version ${ARTIFACT_FORMAT_VERSION})`);
  }
  const bodyLength = dv.getUint32(10, true);
  const expected = HEADER + bodyLength + KEY_BYTES + SIG_BYTES;
  if (bytes.length !== expected) {
    throw refuse(bytes.length < expected ? `truncated (${bytes.length} of ${expected} bytes)` : `${bytes.length - expected} unexpected trailing bytes`);
  }
  const rawKey = bytes.slice(HEADER + bodyLength, HEADER + bodyLength + KEY_BYTES);
  const signed = bytes.subarray(0, HEADER + bodyLength + KEY_BYTES);
  const signature = bytes.subarray(HEADER + bodyLength + KEY_BYTES);
  let key: KeyObject;
  let verifiedWith: 'publicKey' | 'embedded' = 'embedded';
  if (options.publicKey !== undefined) {
    key = toPublicKey(options.publicKey);
    verifiedWith = 'publicKey';
    const want = rawPublicKey(key);
    if (!want.every((b, i) => b === rawKey[i])) {
      throw refuse(`signed by a different key (${sha256(rawKey)}, expected ${sha256(want)}); an artifact exported without --key is never accepted with a public key`);
    }
  } else {
    try {
      key = publicKeyFromRaw(rawKey);
    } catch {
      throw refuse('the embedded public key is invalid');
    }
  }
  let ok = false;
  try {
    ok = verify(null, signed, key, signature);
  } catch {
    ok = false;
  }
  if (!ok) throw refuse('the signature does not verify (the file was modified or corrupted)');

  let body: unknown;
  try {
    body = packr.unpack(bytes.subarray(HEADER, HEADER + bodyLength));
  } catch {
    throw refuse('the body does not decode');
  }
  if (!isObj(body)) throw refuse('the body does not decode');
  if (body.coreVersion !== CORE_VERSION) {
    throw refuse(`exported by core ${String(body.coreVersion)}, this is core ${CORE_VERSION}; export it again with this version`);
  }
  if (typeof body.programHash !== 'string' || !isObj(body.program)) throw refuse('missing program hash or program');
  if (typeof body.name !== 'string' || !isObj(body.signer) || typeof body.signer.ephemeral !== 'boolean') throw refuse('malformed header fields');
  const manifest = checkManifest(body.manifest);
  const program = decodeProgram(body.program);
  if (programHashOf(program) !== body.programHash) throw refuse('the program does not match its hash');
  const sourceMap = sourceMapOf(program);
  if (packr.pack(sourceMap).compare(packr.pack(body.sourceMap)) !== 0) throw refuse('the source map does not match the bytecode');
  const caps = new Set(manifest.capabilities.map((c) => c.name));
  for (const name of [...caps, ...manifest.inputs.names]) {
    if (!program.freeNames.includes(name) && !manifest.inputs.names.includes(name)) throw refuse(`the manifest names '${name}', which the program does not use`);
  }
  return {
    formatVersion: version,
    coreVersion: body.coreVersion,
    programHash: body.programHash,
    name: body.name,
    manifest,
    program,
    sourceMap,
    signer: {
      publicKey: key.export({ format: 'pem', type: 'spki' }).toString(),
      fingerprint: sha256(rawKey),
      ephemeral: body.signer.ephemeral,
      verifiedWith,
    },
  };
}

/**
 * The manifest's capability declarations joined with the host's handlers, for
 * `StartOptions.capabilities`. A handler for a capability the artifact does not declare
 * is a CapabilityError (a typo would otherwise go unnoticed); a declared capability
 * without a handler is fine for start()/resume() hosts.
 */
export function artifactCapabilities(artifact: Artifact, handlers: Readonly<Record<string, CapabilityHandler>> = {}): Capability[] {
  const declared = new Map(artifact.manifest.capabilities.map((c) => [c.name, c]));
  for (const name of Object.keys(handlers)) {
    if (!declared.has(name)) throw new CapabilityError(`the artifact does not declare a capability '${name}' (it declares: ${[...declared.keys()].join(', ') || 'none'})`);
  }
  return artifact.manifest.capabilities.map((c) => ({ ...c, ...(Object.hasOwn(handlers, c.name) ? { handler: handlers[c.name] } : {}) }));
}

/**
 * Checks `inputs` against the artifact's declared inputs: every declared name present
 * (a program compiled to read `user` fails on a missing global otherwise), no undeclared
 * ones, and the JSON Schema when there is one. Throws CapabilityError.
 */
export function checkArtifactInputs(artifact: Artifact, inputs: Readonly<Record<string, unknown>>): void {
  const { names, schema } = artifact.manifest.inputs;
  for (const k of Object.keys(inputs)) {
    if (!names.includes(k)) throw new CapabilityError(`input '${k}' is not declared by the artifact (declared: ${names.join(', ') || 'none'})`);
  }
  if (schema !== undefined) {
    const v = ajvInstance().compile(schema as object);
    if (!v(inputs)) {
      const e = v.errors?.[0];
      const where = e?.instancePath ? `inputs${e.instancePath.replace(/\//g, '.')}` : 'inputs';
      throw new CapabilityError(`${where} ${e?.message ?? 'do not match the schema'}`);
    }
    return;
  }
  for (const n of names) if (!Object.hasOwn(inputs, n)) throw new CapabilityError(`input '${n}' is missing (the artifact declares: ${names.join(', ')})`);
}
