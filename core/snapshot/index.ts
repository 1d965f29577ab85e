/**
 * Snapshots: an execution's complete state as authenticated bytes, and its restoration
 * into a fresh VM that continues exactly (same result, instruction count and console
 * output as an uninterrupted run). See README.md in this directory for the format.
 *
 * Envelope (big-endian):
 *   magic "CAPSNAP1" (8) · format version u16 · core version (u8 length + UTF-8) ·
 *   program hash (32) · payload length u32 · payload (wire.ts items) · HMAC-SHA-256 (32)
 * The HMAC covers every byte before it, under the host's key. Restore checks, in order:
 * length, magic, format version, core version, program hash, HMAC (constant time) — and
 * only then decodes the payload, validating its structure as it goes.
 */
import { createHash, timingSafeEqual, type Hash } from 'node:crypto';
import type { CompiledProgram, FunctionCode } from '../chunk';
import { normalizeCapabilities } from '../capabilities';
import { CapsuleError, SerializationError } from '../errors';
import { Execution, prepare, type StartOptions } from '../execution';
import { CORE_VERSION } from '../version';
import { decodeState, encodeState, openPayload } from './codec';

/** Version of the snapshot format (the envelope and the payload layout). 2: the direct binary payload (wire.ts). */
export const SNAPSHOT_FORMAT_VERSION = 2;

const MAGIC = new Uint8Array([0x43, 0x41, 0x50, 0x53, 0x4e, 0x41, 0x50, 0x31]); // "CAPSNAP1"
const HASH_BYTES = 32;
const MAC_BYTES = 32;

// ---- program hash ------------------------------------------------------------------------

const hashes = new WeakMap<CompiledProgram, Uint8Array>();

/**
 * The program hash: SHA-256 over the core version, the source and the compiled program
 * (every function's bytecode, constants, flags and sizes, which is where the compile-time
 * globals and capabilities show), with explicit lengths so no two programs collide by
 * concatenation. Strings are hashed as UTF-16 code units (lone surrogates included). The
 * opcode at each statement start is left out, so breakpoints a debugger has patched into
 * the code do not change the hash.
 */
export function programHash(program: CompiledProgram): Uint8Array {
  let h = hashes.get(program);
  if (h) return h;
  const hash = createHash('sha256');
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n >>> 0);
    hash.update(b);
  };
  const str = (s: string) => {
    u32(s.length);
    hash.update(Buffer.from(s, 'utf16le'));
  };
  const num = (n: number) => {
    const b = Buffer.alloc(8);
    b.writeDoubleBE(n);
    hash.update(b);
  };
  str('capsule-program');
  str(CORE_VERSION);
  str(program.source);
  u32(program.freeNames.length);
  for (const n of program.freeNames) str(n);
  u32(program.templateSites);
  u32(program.functions.length);
  for (const f of program.functions as FunctionCode[]) {
    str(f.name);
    for (const n of [f.index, f.flags, f.nparams, f.nlocals, f.length, f.hasRest ? 1 : 0, f.fieldInitFlag ? 1 : 0]) u32(n);
    // the opcodes at statement starts are left out: a debugger patches breakpoints there
    const code = f.code.slice();
    for (const pc of f.stmtStarts) if (pc < code.length) code[pc] = -1;
    u32(code.length);
    hash.update(Buffer.from(code.buffer, code.byteOffset, code.byteLength));
    u32(f.stmtStarts.length);
    hash.update(Buffer.from(f.stmtStarts.buffer, f.stmtStarts.byteOffset, f.stmtStarts.byteLength));
    u32(f.constants.length);
    for (const c of f.constants) {
      if (typeof c === 'string') {
        str('s');
        str(c);
      } else if (typeof c === 'number') {
        str('n');
        num(c);
      } else if (typeof c === 'bigint') {
        str('b');
        str(c.toString(16));
      } else {
        str('t');
        u32(c.site);
        u32(c.raw.length);
        for (const r of c.raw) str(r);
        for (const k of c.cooked) str(k === undefined ? '\u0000undefined' : 'c' + k);
      }
    }
  }
  h = new Uint8Array(hash.digest());
  hashes.set(program, h);
  return h;
}

// ---- envelope ------------------------------------------------------------------------------

function keyBytes(key: Uint8Array | string): Uint8Array {
  const k = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  if (!(k instanceof Uint8Array) || k.length === 0) throw new SerializationError('a snapshot key must be a non-empty string or Uint8Array');
  return k;
}

/** The last key's HMAC state after its key block (RFC 2104: inner and outer pads), copied per MAC. */
let macCache: { key: Uint8Array; inner: Hash; outer: Hash } | null = null;

/** HMAC-SHA-256 of `data` under `key` (keyed hash states are reused while the key stays the same). */
function mac(key: Uint8Array, data: Uint8Array): Uint8Array {
  let c = macCache;
  if (c === null || c.key.length !== key.length || !timingSafeEqual(c.key, key)) {
    const block = new Uint8Array(64);
    block.set(key.length > 64 ? createHash('sha256').update(key).digest() : key);
    const ipad = block.map((b) => b ^ 0x36);
    const opad = block.map((b) => b ^ 0x5c);
    c = macCache = { key: key.slice(), inner: createHash('sha256').update(ipad), outer: createHash('sha256').update(opad) };
  }
  const inner = c.inner.copy().update(data).digest();
  return new Uint8Array(c.outer.copy().update(inner).digest());
}

function seal(program: CompiledProgram, parts: readonly Uint8Array[], key: Uint8Array): Uint8Array {
  const version = Buffer.from(CORE_VERSION, 'utf8');
  if (version.length > 255) throw new SerializationError('core version too long');
  const headLen = MAGIC.length + 2 + 1 + version.length + HASH_BYTES + 4;
  let plen = 0;
  for (const p of parts) plen += p.length;
  const out = new Uint8Array(headLen + plen + MAC_BYTES);
  const dv = new DataView(out.buffer);
  let o = 0;
  out.set(MAGIC, o);
  o += MAGIC.length;
  dv.setUint16(o, SNAPSHOT_FORMAT_VERSION);
  o += 2;
  out[o++] = version.length;
  out.set(version, o);
  o += version.length;
  out.set(programHash(program), o);
  o += HASH_BYTES;
  dv.setUint32(o, plen);
  o += 4;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  out.set(mac(key, out.subarray(0, o)), o);
  return out;
}

/** Checks the envelope (never trusting anything before the HMAC matches); returns the payload bytes. */
function open(program: CompiledProgram, bytes: Uint8Array, key: Uint8Array): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new SerializationError('a snapshot must be a Uint8Array');
  const min = MAGIC.length + 2 + 1 + HASH_BYTES + 4 + MAC_BYTES;
  if (bytes.length < min) throw new SerializationError(`not a snapshot: ${bytes.length} bytes is too short`);
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) throw new SerializationError('not a snapshot: bad magic bytes');
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = MAGIC.length;
  const format = dv.getUint16(o);
  o += 2;
  if (format !== SNAPSHOT_FORMAT_VERSION) {
    throw new SerializationError(`snapshot format version ${format} is not supported (this core reads version ${SNAPSHOT_FORMAT_VERSION})`);
  }
  const vlen = bytes[o++];
  if (o + vlen + HASH_BYTES + 4 + MAC_BYTES > bytes.length) throw new SerializationError('snapshot is truncated');
  const version = Buffer.from(bytes.subarray(o, o + vlen)).toString('utf8');
  o += vlen;
  if (version !== CORE_VERSION) {
    throw new SerializationError(`snapshot was taken by core ${JSON.stringify(version)}; this is core ${CORE_VERSION}`);
  }
  const hash = bytes.subarray(o, o + HASH_BYTES);
  o += HASH_BYTES;
  if (!timingSafeEqual(hash, programHash(program))) throw new SerializationError('snapshot belongs to a different program (program hash mismatch)');
  const plen = dv.getUint32(o);
  o += 4;
  if (o + plen + MAC_BYTES !== bytes.length) {
    throw new SerializationError(o + plen + MAC_BYTES > bytes.length ? 'snapshot is truncated' : 'snapshot has trailing bytes');
  }
  // (always the full HMAC: it costs about what a constant-time comparison with a remembered
  // copy of the last sealed bytes did — SHA-256 runs on the CPU's SHA extensions — and it is
  // what a restore in another process does)
  const expected = mac(key, bytes.subarray(0, o + plen));
  if (!timingSafeEqual(expected, bytes.subarray(o + plen))) {
    throw new SerializationError('snapshot authentication failed: wrong key, or the bytes were modified');
  }
  return bytes.subarray(o, o + plen);
}

// ---- API -------------------------------------------------------------------------------------

/**
 * Serializes the complete state of `exec` — suspended at capability calls, or paused
 * between instructions — into authenticated bytes (HMAC-SHA-256 under `key`).
 * Throws SerializationError when the execution is running, finished or failed.
 */
export function snapshot(exec: Execution, key: Uint8Array | string): Uint8Array {
  const k = keyBytes(key);
  const status = exec.outcome.status;
  if (exec.finished || status === 'completed') throw new SerializationError('cannot snapshot an execution that has finished');
  const vm = exec.vm;
  if (vm.uncaught) throw new SerializationError('cannot snapshot an execution in the middle of a step');
  const st = exec.state;
  const payload = encodeState(vm, exec.program, {
    phase: st.phase,
    result: st.result,
    usedMs: st.usedMs,
    status,
    breakpoint: (exec.outcome as { reason?: string }).reason === 'breakpoint',
    seed: exec.seed,
    caps: exec.capabilityList.map((c) => c.name),
  });
  return seal(exec.program, payload, k);
}

/**
 * Restores a snapshot into a fresh VM for `program` (the one it was taken from). The host
 * supplies the capabilities again (same names, same order) and the other start options
 * (limits, console, clock, slice). The returned execution's `outcome` is the one at the
 * snapshot (its pending calls are re-issued); continue with `resume()`.
 * Throws SerializationError for a wrong key, version or program, or damaged bytes.
 */
export function restore(program: CompiledProgram, bytes: Uint8Array, options: StartOptions & { key: Uint8Array | string }): Execution {
  const body = open(program, bytes, keyBytes(options.key));
  let opened: ReturnType<typeof openPayload>;
  try {
    opened = openPayload(body);
  } catch (e) {
    throw e instanceof SerializationError ? e : new SerializationError(`corrupt snapshot payload: ${(e as Error)?.message ?? String(e)}`);
  }
  const { reader, head } = opened;
  const { key: _key, ...startOptions } = options;
  void _key;
  const names = normalizeCapabilities(startOptions.capabilities).map((c) => c.name);
  const snapCaps = head.caps;
  if (snapCaps.length !== names.length || snapCaps.some((n, i) => n !== names[i])) {
    throw new SerializationError(`the snapshot's capabilities (${snapCaps.map(String).join(', ')}) differ from the ones supplied (${names.join(', ')})`);
  }
  const seed = head.seed;
  if (typeof seed !== 'number') throw new SerializationError('corrupt snapshot payload');
  const { vm, caps } = prepare(program, { ...startOptions, seed });
  let st: ReturnType<typeof decodeState>;
  try {
    st = decodeState(vm, program, reader, head);
  } catch (e) {
    if (e instanceof SerializationError) throw e;
    if (e instanceof CapsuleError) throw new SerializationError(`corrupt snapshot: ${e.message}`);
    throw new SerializationError(`corrupt snapshot: ${(e as Error)?.message ?? String(e)}`);
  }
  const exec = new Execution(vm, program, seed, startOptions, caps);
  exec.restored = true;
  vm.untrusted = true;
  exec.setState({ phase: st.phase, result: st.result, usedMs: st.usedMs });
  let calls: Execution['pendingCalls'] = [];
  try {
    if (st.status === 'suspended') calls = exec.pendingCalls;
  } catch (e) {
    throw new SerializationError(`corrupt snapshot: pending calls: ${(e as Error)?.message ?? String(e)}`);
  }
  // a real snapshot is only ever suspended on at least one call; without one it would wait forever
  if (st.status === 'suspended' && calls.length === 0) throw new SerializationError('corrupt snapshot: suspended with no pending calls');
  if (st.status === 'suspended') exec.outcome = { status: 'suspended', calls, instructions: vm.instructions };
  else {
    exec.outcome = { status: 'paused', instructions: vm.instructions };
    if (st.breakpoint) (exec.outcome as { reason?: string }).reason = 'breakpoint';
  }
  return exec;
}
