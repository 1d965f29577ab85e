/**
 * Snapshots are verified before anything is trusted: every flipped byte and every
 * truncation is a SerializationError; so are a wrong key, program or version. A key
 * holder's garbage payload is rejected by structural checks, never a crash.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 });
import { CapsuleError, CORE_VERSION, SerializationError, type Capability } from '../../../core/index';
import { programFor, start } from '../../../core/execution';
import { programHash, restore, snapshot, SNAPSHOT_FORMAT_VERSION } from '../../../core/snapshot/index';
import { readTree, TreeMarker, TreeRef, writeTree } from '../../../core/snapshot/wire';
import { cloneTree } from './tree';

const KEY = 'the host key';
const caps: Capability[] = [{ name: 'lookup' }];
const SRC = `
const m = new Map([[1, 'one'], [NaN, -0]]);
const s = new Set(['x']);
async function f(id) { const r = await lookup(id); return [r, m.get(1), s.has('x'), [1, , 3]]; }
const out = await Promise.all([f(1), f(2)]);
out`;
const program = programFor(SRC, { capabilities: caps });

function suspendedSnapshot(): Uint8Array {
  const ex = start(program, { capabilities: caps, seed: 3 });
  expect(ex.outcome.status).toBe('suspended');
  return snapshot(ex, KEY);
}

function rejects(bytes: Uint8Array, options: { key?: string | Uint8Array; program?: typeof program } = {}): SerializationError {
  try {
    restore(options.program ?? program, bytes, { capabilities: caps, key: options.key ?? KEY });
  } catch (e) {
    expect(e).toBeInstanceOf(SerializationError);
    return e as SerializationError;
  }
  throw new Error('the snapshot was accepted');
}

/** Layout offsets of the envelope (see core/snapshot/README.md). */
function layout(bytes: Uint8Array) {
  const vlen = bytes[10];
  const hashAt = 11 + vlen;
  const lenAt = hashAt + 32;
  const payloadAt = lenAt + 4;
  const plen = new DataView(bytes.buffer, bytes.byteOffset).getUint32(lenAt);
  return { vlen, hashAt, lenAt, payloadAt, plen, macAt: payloadAt + plen };
}

/** Re-signs `body` (everything before the MAC) under `key`. */
function sign(body: Uint8Array, key: string | Uint8Array = KEY): Uint8Array {
  const mac = createHmac('sha256', key).update(body).digest();
  const out = new Uint8Array(body.length + 32);
  out.set(body);
  out.set(mac, body.length);
  return out;
}

/** A deep copy of a payload tree (structuredClone would turn references into plain records). */
/** An envelope around an arbitrary payload, correctly signed (for `prog`, by default the program above). */
function envelope(payload: Uint8Array, version = SNAPSHOT_FORMAT_VERSION, core = CORE_VERSION, prog = program): Uint8Array {
  const v = Buffer.from(core, 'utf8');
  const head = new Uint8Array(8 + 2 + 1 + v.length + 32 + 4);
  head.set(Buffer.from('CAPSNAP1'), 0);
  const dv = new DataView(head.buffer);
  dv.setUint16(8, version);
  head[10] = v.length;
  head.set(v, 11);
  head.set(programHash(prog), 11 + v.length);
  dv.setUint32(11 + v.length + 32, payload.length);
  const body = new Uint8Array(head.length + payload.length);
  body.set(head);
  body.set(payload, head.length);
  return sign(body);
}

describe('verification', () => {
  const bytes = suspendedSnapshot();

  it('accepts the untouched snapshot, and the layout is as documented', () => {
    expect(restore(program, bytes, { capabilities: caps, key: KEY }).outcome.status).toBe('suspended');
    const l = layout(bytes);
    expect(Buffer.from(bytes.subarray(0, 8)).toString()).toBe('CAPSNAP1');
    expect(Buffer.from(bytes.subarray(11, 11 + l.vlen)).toString()).toBe(CORE_VERSION);
    expect(Buffer.from(bytes.subarray(l.hashAt, l.hashAt + 32))).toEqual(Buffer.from(programHash(program)));
    expect(l.macAt + 32).toBe(bytes.length);
    // the MAC is a standard HMAC-SHA-256 (also under a key longer than the hash's block)
    expect(Buffer.from(bytes.subarray(l.macAt))).toEqual(createHmac('sha256', KEY).update(bytes.subarray(0, l.macAt)).digest());
    const longKey = new Uint8Array(100).map((_, i) => i * 7);
    const signed = snapshot(start(program, { capabilities: caps, seed: 3 }), longKey);
    const m = layout(signed);
    expect(Buffer.from(signed.subarray(m.macAt))).toEqual(createHmac('sha256', longKey).update(signed.subarray(0, m.macAt)).digest());
    expect(restore(program, signed, { capabilities: caps, key: longKey }).outcome.status).toBe('suspended');
    // the payload decodes as a stream of items and encodes back to the same bytes
    const payload = bytes.slice(l.payloadAt, l.macAt);
    expect(Buffer.from(writeTree(readTree(payload)))).toEqual(Buffer.from(payload));
  });

  it('rejects every single flipped byte', () => {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes.slice();
      b[i] ^= 0x01;
      rejects(b);
    }
  });

  it('a snapshot restored right after it was sealed, in the same process, is verified against its key and every byte', () => {
    const fresh = suspendedSnapshot(); // the process's last sealed snapshot
    expect(rejects(fresh, { key: 'another key' }).message).toMatch(/authentication failed/);
    for (const at of [0, 20, fresh.length >> 1, fresh.length - 1]) {
      fresh[at] ^= 1; // changed in place (the array the snapshot returned)
      rejects(fresh);
      fresh[at] ^= 1;
    }
    expect(restore(program, fresh, { capabilities: caps, key: KEY }).outcome.status).toBe('suspended');
    expect(restore(program, fresh.slice(), { capabilities: caps, key: Buffer.from(KEY) }).outcome.status).toBe('suspended');
  });

  it('rejects every truncation and an appended byte', () => {
    for (let n = 0; n < bytes.length; n++) rejects(bytes.subarray(0, n));
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(rejects(longer).message).toMatch(/trailing|authentication/);
  });

  it('property: any change at any position is rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (pos, mask) => {
        const b = bytes.slice();
        b[pos] ^= mask;
        rejects(b);
      }),
      { numRuns: 2000, seed: 4 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 400 }), (junk) => {
        rejects(junk);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('wrong key, program, format version and core version each have a clear message', () => {
    expect(rejects(bytes, { key: 'another key' }).message).toMatch(/authentication failed/);
    expect(rejects(bytes, { key: new Uint8Array([1]) }).message).toMatch(/authentication failed/);
    const other = programFor(SRC + ';', { capabilities: caps });
    expect(rejects(bytes, { program: other }).message).toMatch(/different program/);
    // compile-time options are part of the program: the same source without capabilities differs
    expect(Buffer.from(programHash(programFor(SRC.replace(/lookup/g, 'Math.abs'), {})))).not.toEqual(Buffer.from(programHash(program)));

    const l = layout(bytes);
    const body = bytes.slice(0, l.macAt);
    new DataView(body.buffer).setUint16(8, SNAPSHOT_FORMAT_VERSION + 1);
    expect(rejects(sign(body)).message).toMatch(new RegExp(`format version ${SNAPSHOT_FORMAT_VERSION + 1} is not supported`));

    const payload = bytes.slice(l.payloadAt, l.macAt);
    expect(rejects(envelope(payload, SNAPSHOT_FORMAT_VERSION, '9.9.9')).message).toMatch(/core "9\.9\.9"/);
    // and the same payload in a correct envelope is accepted
    expect(restore(program, envelope(payload), { capabilities: caps, key: KEY }).outcome.status).toBe('suspended');
    expect(() => snapshot(start(program, { capabilities: caps }), '')).toThrow(/non-empty/);
  });

  it('the program hash ignores breakpoints patched at statement starts, and nothing else', () => {
    const a = programFor(SRC, { capabilities: caps });
    const b = programFor(SRC, { capabilities: caps });
    const f = a.functions[0];
    f.code[f.stmtStarts[1]] = 9999; // what a debugger's Break patch looks like to the hash
    expect(Buffer.from(programHash(a))).toEqual(Buffer.from(programHash(b)));
    const c = programFor(SRC, { capabilities: caps });
    const g = c.functions[0];
    const operand = g.stmtStarts[1] + 1;
    g.code[operand] = g.code[operand] + 1;
    expect(Buffer.from(programHash(c))).not.toEqual(Buffer.from(programHash(b)));
  });

  it("a key holder's garbage payloads are rejected by structural checks (never another exception)", () => {
    const l = layout(bytes);
    const good = readTree(bytes.slice(l.payloadAt, l.macAt));
    // paths to every leaf of the payload
    const leaves: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else leaves.push(path);
    };
    walk(good, []);
    const replacements: unknown[] = [
      0, 1, -1, -2, -100000, 2 ** 31, 1.5, NaN, '', 'x', null, undefined, true, [], [0], [99], [3, 1], -(2 ** 40),
      new TreeRef(0), new TreeRef(null), new TreeRef(2 ** 40), new TreeMarker('hole'), new TreeMarker('tdz'), new Uint8Array([1]), { a: 1 }, 5n,
    ];
    let rejected = 0;
    let accepted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: leaves.length - 1 }), fc.constantFrom(...replacements), (leaf, rep) => {
        const copy = cloneTree(good);
        const path = leaves[leaf];
        let o = copy as unknown as Record<string | number, unknown>;
        for (let i = 0; i < path.length - 1; i++) o = o[path[i]] as Record<string | number, unknown>;
        o[path[path.length - 1]] = rep;
        let ex;
        try {
          ex = restore(program, envelope(writeTree(copy)), { capabilities: caps, key: KEY, limits: { instructions: 100_000 } });
          accepted++;
        } catch (e) {
          if (!(e instanceof SerializationError)) throw e;
          rejected++;
          return;
        }
        // an accepted forgery runs on: it may fail, but only with core's typed errors
        try {
          for (let i = 0; i < 10 && ex.outcome.status !== 'completed'; i++) {
            const calls = ex.outcome.status === 'suspended' ? ex.outcome.calls : [];
            ex.resume(calls.map((c) => ({ id: c.id, value: 'v' })));
          }
        } catch (e) {
          if (!(e instanceof CapsuleError)) throw e;
        }
      }),
      { numRuns: 3000, seed: 6 },
    );
    expect(rejected).toBeGreaterThan(accepted);
    // not the item stream at all, or the wrong shape
    const junks = [new Uint8Array([0x40]), new Uint8Array([0x11]), writeTree([{ a: 1 }]), writeTree([[]]), writeTree(good.slice(0, 3)), new Uint8Array(0)];
    // lengths far beyond the bytes present, and arrays nested without end
    junks.push(new Uint8Array([0x8d, 0x0d, 0xff, 0xff, 0xff, 0xff, 0x0f]), new Uint8Array([0x81, 0x00, 0x0d, 0xff, 0xff, 0xff, 0x7f]), new Uint8Array(4000).map((_, i) => (i % 2 ? 1 : 0x0d)));
    junks.push(writeTree([...good.slice(0, -1), [...(good[good.length - 1] as unknown[]), 1]]), writeTree([...good, 0]));
    for (const junk of junks) rejects(envelope(junk));
  });

  it("a key holder's array elements that run (RefNext) into an internal record are refused", () => {
    // an array of objects allocated in order is written as a run of "next node" references,
    // which the decoder takes from its node table in one slice: the kinds in the run are checked
    const caps1: Capability[] = [{ name: 'lookup' }];
    const p = programFor('let x = 1; const f = () => x; const a = [{ p: 1 }, { p: 2 }, { p: 3 }]; const r = lookup(1); a.length + f() + r', { capabilities: caps1 });
    const b = snapshot(start(p, { capabilities: caps1 }), KEY);
    const l = layout(b);
    const tree = readTree(b.slice(l.payloadAt, l.macAt));
    const table = tree[0] as number;
    const kinds = tree[4] as Uint8Array;
    // the elements: a reference to the first object, then two "next" references
    const at = tree.findIndex((v) => Array.isArray(v) && v.length === 3 && v[0] instanceof TreeRef && v[0].node !== null && v.slice(1).every((r) => r instanceof TreeRef && r.node === null));
    expect(at).toBeGreaterThan(0);
    // the reference before them (the closure's environment, node `env`)
    let before = at - 1;
    while (!(tree[before] instanceof TreeRef)) before--;
    const env = (tree[before] as TreeRef).node!;
    expect(kinds[env - table]).toBe(13);
    // the array's own record comes before the node after `env`: turn that node into an environment
    // and let the elements run from it
    const forged = cloneTree(tree);
    (forged[4] as Uint8Array)[env + 1 - table] = 13;
    forged[at] = [new TreeRef(null), new TreeRef(null)];
    const sig = (payload: Uint8Array) => envelope(payload, SNAPSHOT_FORMAT_VERSION, CORE_VERSION, p);
    // (the untouched tree re-signed is accepted: the envelope is rebuilt correctly)
    expect(restore(p, sig(writeTree(tree)), { capabilities: caps1, key: KEY }).outcome.status).toBe('suspended');
    let err: unknown;
    try {
      restore(p, sig(writeTree(forged)), { capabilities: caps1, key: KEY });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SerializationError);
    expect((err as Error).message).toBe('corrupt snapshot: bad element');
  });

  // fuzz seed 20261125 case 32235: a re-signed snapshot restored as suspended with no call to answer
  it("a key holder's snapshot suspended with no pending call is refused (it would wait forever)", () => {
    const l = layout(bytes);
    const good = readTree(bytes.slice(l.payloadAt, l.macAt));
    const HOST = 6; // index of the host calls in the roots (the last item): [next id, outstanding calls, …]
    const roots = (g: unknown[]) => g[g.length - 1] as unknown[][][];
    expect(roots(good)[HOST][1].length).toBe(2);
    const forged = cloneTree(good);
    roots(forged)[HOST][1] = [];
    expect(rejects(envelope(writeTree(forged))).message).toMatch(/pending|corrupt/);
  });

  // fuzz seed 2807 case 189078: a re-signed sort state with `hi` set to null spun in the host
  // forever; the array callback driver's hole skip ran to a forged length. Run in a child process
  // that a timeout kills, since that fault is a host loop no budget interrupts.
  it("a key holder's forged sort and array callback states are refused or run to an end", () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'forged-drivers.mts')], { encoding: 'utf8', timeout: 90_000 });
    expect(r.signal, 'the forged states kept the host busy (killed on the timeout)').toBeNull();
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, string>;
    expect(results['sort untouched']).toBe('completed');
    expect(results['forEach untouched']).toBe('completed');
    expect(Object.keys(results).length).toBe(3 + 11 * 7 + 2 * 4);
    for (const [what, outcome] of Object.entries(results)) expect([what, outcome]).toEqual([what, expect.stringMatching(/^(completed|SerializationError|RuntimeError|LimitError)$/)]);
    // out-of-range sort fields are refused as an inconsistent state
    expect(results['sort field 7 = null']).toBe('SerializationError');
    expect(results['sort field 11 = 0']).toBe('SerializationError');
    expect(results['sort field 5 = 1099511627776']).toBe('SerializationError');
  });
});

