// Program artifacts: export → load round trips (the whole corpus runs identically from a
// loaded artifact), signatures and keys, refusal of tampered / truncated / mismatched bytes
// (a property over every byte position), bytecode verification, manifest, inputs, source map.
import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { Packr } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_FORMAT_VERSION, createArtifact, loadArtifact, programHashOf, artifactCapabilities, checkArtifactInputs } from '../../core/artifact';
import { sourcePosition } from '../../core/bytecode';
import { spanAt, type FunctionCode } from '../../core/chunk';
import { CapabilityError, SerializationError } from '../../core/errors';
import { compile, runSync, start, generateSigningKeys, snapshot, restore } from '../../core/index';
import { CORE_VERSION } from '../../core/version';
import { OP_NAMES } from '../../core/opcodes';
import { loadCorpus } from '../differential/corpus';
import { programArbitrary } from '../differential/generator';

const op = (name: string) => OP_NAMES.indexOf(name);

const packr = new Packr({ useRecords: false, moreTypes: false, mapsAsObjects: true, variableMapSize: true });

const JOB = [
  'const hits = await searchLogs(query, 3);',
  'const names = await Promise.all(hits.map((h) => lookup(h)));',
  'const tag = `n=${names.length}`;',
  'function f(a, ...rest) { return [a, rest.length, 10n ** 20n, -0, 1.5, NaN] }',
  'class A { #x = 1; get x() { return this.#x } }',
  '({ names, tag, f: f(1, 2, 3), x: new A().x })',
].join('\n');

const CAPS = [
  { name: 'searchLogs', description: 'Search the logs', args: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] }, result: { type: 'array' } },
  { name: 'lookup', description: 'Look a hit up', result: { type: 'string' } },
  { name: 'neverCalled', description: 'declared but not referenced' },
];

const handlers = {
  searchLogs: (q: unknown, n: unknown) => Array.from({ length: n as number }, (_, i) => `${q}-${i}`),
  lookup: (h: unknown) => `<${h}>`,
};

function fnFields(f: FunctionCode) {
  const { ic: _ic, unit: _unit, ...rest } = f;
  return rest;
}

/** Re-signs `bytes` after `mutate` changes its decoded body (a forger holding `key`). */
function resign(bytes: Uint8Array, mutate: (body: any) => void, key = generateKeyPairSync('ed25519').privateKey): Uint8Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = dv.getUint32(10, true);
  const body = packr.unpack(bytes.subarray(14, 14 + len));
  mutate(body);
  const b = packr.pack(body);
  const out = new Uint8Array(14 + b.length + 96);
  out.set(bytes.subarray(0, 14));
  new DataView(out.buffer).setUint32(10, b.length, true);
  out.set(b, 14);
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  out.set(spki.subarray(spki.length - 32), 14 + b.length);
  out.set(sign(null, out.subarray(0, 14 + b.length + 32), key), 14 + b.length + 32);
  return out;
}


describe('export → load', () => {
  const bytes = createArtifact(JOB, { capabilities: CAPS, inputs: ['query'], limits: { instructions: 50_000 }, name: 'job.js' });

  it('decodes into the same FunctionCodes the compiler makes, without recompiling', () => {
    const a = loadArtifact(bytes);
    const fresh = compile(JOB, { globals: ['query', 'searchLogs', 'lookup', 'neverCalled'], capabilities: ['searchLogs', 'lookup', 'neverCalled'] });
    expect(a.program.functions.length).toBe(fresh.functions.length);
    for (let i = 0; i < fresh.functions.length; i++) expect(fnFields(a.program.functions[i])).toEqual(fnFields(fresh.functions[i]));
    expect(a.program.freeNames).toEqual(fresh.freeNames);
    expect(a.program.templateSites).toBe(fresh.templateSites);
    expect(a.program.functions.every((f) => f.unit === a.program.functions[0].unit && f.unit.source === JOB)).toBe(true);
    expect(a.programHash).toBe(programHashOf(fresh));
  });

  it('records versions, the manifest (only referenced capabilities), inputs and limits', () => {
    const a = loadArtifact(bytes);
    expect(a.formatVersion).toBe(ARTIFACT_FORMAT_VERSION);
    expect(a.coreVersion).toBe(CORE_VERSION);
    expect(a.name).toBe('job.js');
    expect(a.manifest.capabilities).toEqual(CAPS.slice(0, 2));
    expect(a.manifest.inputs).toEqual({ names: ['query'] });
    expect(a.manifest.limits.instructions).toBe(50_000);
    expect(a.manifest.limits.callDepth).toBe(2000);
    expect(a.signer).toMatchObject({ ephemeral: true, verifiedWith: 'embedded' });
  });

  it('runs like the source (value and instruction count), with the manifest as declarations', () => {
    const a = loadArtifact(bytes);
    const options = { inputs: { query: 'err' }, seed: 1, capabilities: artifactCapabilities(a, handlers), limits: a.manifest.limits };
    const fromArtifact = runSync(a.program, options);
    const fromSource = runSync(JOB, { ...options, capabilities: CAPS.map((c) => ({ ...c, handler: (handlers as any)[c.name] })) });
    expect(fromArtifact).toEqual(fromSource);
    expect(fromArtifact.value).toMatchObject({ tag: 'n=3', x: 1 });
  });

  it('step-wise start/resume works on a loaded program', () => {
    const a = loadArtifact(bytes);
    const exec = start(a.program, { inputs: { query: 'q' }, capabilities: artifactCapabilities(a) });
    expect(exec.outcome).toMatchObject({ status: 'suspended', calls: [{ capability: 'searchLogs', args: ['q', 3] }] });
  });

  it('its program hash is the snapshot program hash: snapshots of a loaded program restore into a compiled one', () => {
    const a = loadArtifact(bytes);
    const caps = artifactCapabilities(a, handlers);
    const exec = start(a.program, { inputs: { query: 'q' }, seed: 3, capabilities: caps });
    const snap = snapshot(exec, 'k');
    const fresh = compile(JOB, { globals: ['query', 'searchLogs', 'lookup', 'neverCalled'], capabilities: ['searchLogs', 'lookup', 'neverCalled'] });
    const again = restore(fresh, snap, { key: 'k', inputs: { query: 'q' }, capabilities: caps });
    expect(again.outcome).toMatchObject({ status: 'suspended', calls: [{ capability: 'searchLogs', args: ['q', 3] }] });
  });

  it('is deterministic for a given key', () => {
    const { privateKey } = generateSigningKeys();
    const o = { capabilities: CAPS, inputs: ['query'], privateKey };
    expect(createArtifact(JOB, o)).toEqual(createArtifact(JOB, o));
  });

  it('artifactCapabilities refuses handlers the artifact does not declare', () => {
    expect(() => artifactCapabilities(loadArtifact(bytes), { serachLogs: () => 1 })).toThrow(CapabilityError);
  });
});

describe('the whole corpus runs the same from an artifact', () => {
  const outcome = (f: () => { value: unknown; instructions: number }, logs: string[]) => {
    try {
      return { ok: f(), logs };
    } catch (e) {
      return { error: String(e), logs };
    }
  };
  it('every corpus program', () => {
    let n = 0;
    for (const p of loadCorpus()) {
      let bytes: Uint8Array;
      try {
        bytes = createArtifact(p.source);
      } catch (e) {
        expect(() => compile(p.source), p.id).toThrow();
        continue;
      }
      const a = loadArtifact(bytes);
      const fresh = compile(p.source);
      for (let i = 0; i < fresh.functions.length; i++) expect(fnFields(a.program.functions[i]), p.id).toEqual(fnFields(fresh.functions[i]));
      const l1: string[] = [];
      const l2: string[] = [];
      const o = (logs: string[]) => ({ seed: 7, now: () => 1714564800000, onConsole: (lv: string, t: string) => void logs.push(`${lv} ${t}`) });
      expect(outcome(() => runSync(a.program, o(l1)), l1), p.id).toEqual(outcome(() => runSync(fresh, o(l2)), l2));
      n++;
    }
    expect(n).toBeGreaterThan(500);
  }, 300_000);
});

describe('generated programs round-trip too', () => {
  it('export → load → run equals compile → run (property)', () => {
    fc.assert(
      fc.property(programArbitrary(), (source) => {
        let bytes: Uint8Array;
        try {
          bytes = createArtifact(source);
        } catch {
          return; // does not compile: nothing to export
        }
        const a = loadArtifact(bytes);
        const run = (p: Parameters<typeof runSync>[0]) => {
          const logs: string[] = [];
          try {
            const r = runSync(p, { seed: 1, now: () => 0, limits: { instructions: 200_000 }, onConsole: (_l, t) => void logs.push(t) });
            return { value: r.value, instructions: r.instructions, logs };
          } catch (e) {
            return { error: String(e), logs };
          }
        };
        expect(run(a.program)).toEqual(run(compile(source)));
      }),
      { numRuns: 100, seed: 4 },
    );
  }, 120_000);
});

describe('signatures and keys', () => {
  const keys = generateSigningKeys();
  const other = generateSigningKeys();
  const signed = createArtifact(JOB, { capabilities: CAPS, inputs: ['query'], privateKey: keys.privateKey });

  it('verifies against the right public key', () => {
    const a = loadArtifact(signed, { publicKey: keys.publicKey });
    expect(a.signer).toMatchObject({ ephemeral: false, verifiedWith: 'publicKey', fingerprint: keys.fingerprint });
    expect(a.signer.publicKey).toBe(keys.publicKey);
  });

  it('refuses the wrong public key', () => {
    expect(() => loadArtifact(signed, { publicKey: other.publicKey })).toThrow(SerializationError);
    expect(() => loadArtifact(signed, { publicKey: other.publicKey })).toThrow(/signed by a different key/);
  });

  it('refuses an ephemeral-key artifact when the host passes its public key', () => {
    const unsigned = createArtifact(JOB, { capabilities: CAPS, inputs: ['query'] });
    expect(loadArtifact(unsigned).signer.ephemeral).toBe(true);
    expect(() => loadArtifact(unsigned, { publicKey: keys.publicKey })).toThrow(/different key/);
  });

  it('a forger re-signing with their own key is refused by a host with the real key', () => {
    const forged = resign(signed, (b) => (b.manifest.limits.instructions = 1));
    expect(loadArtifact(forged).manifest.limits.instructions).toBe(1); // integrity alone cannot tell
    expect(() => loadArtifact(forged, { publicKey: keys.publicKey })).toThrow(/different key/);
  });

  it('bad keys are SerializationErrors', () => {
    expect(() => createArtifact('1', { privateKey: 'not a key' })).toThrow(SerializationError);
    expect(() => createArtifact('1', { privateKey: keys.publicKey })).toThrow(SerializationError);
    expect(() => loadArtifact(signed, { publicKey: 'nope' })).toThrow(SerializationError);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => createArtifact('1', { privateKey: rsa.privateKey })).toThrow(/Ed25519/);
  });
});

describe('refusing bytes that cannot be trusted', () => {
  const { privateKey, publicKey } = generateSigningKeys();
  const bytes = createArtifact(JOB, { capabilities: CAPS, inputs: ['query'], privateKey });

  it('flipping any bit of any byte is rejected (property over positions)', () => {
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (pos, xor) => {
        const copy = bytes.slice();
        copy[pos] ^= xor;
        expect(() => loadArtifact(copy)).toThrow(SerializationError);
        expect(() => loadArtifact(copy, { publicKey })).toThrow(SerializationError);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('every single byte position, flipped, is rejected', () => {
    for (let pos = 0; pos < bytes.length; pos++) {
      const copy = bytes.slice();
      copy[pos] ^= 0x01;
      expect(() => loadArtifact(copy), `byte ${pos}`).toThrow(SerializationError);
    }
  }, 120_000);

  it('truncated, extended or empty bytes are rejected', () => {
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), (len) => {
        expect(() => loadArtifact(bytes.slice(0, len))).toThrow(SerializationError);
      }),
      { numRuns: 200 },
    );
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(() => loadArtifact(longer)).toThrow(/trailing bytes/);
    expect(() => loadArtifact(new Uint8Array(0))).toThrow(/magic/);
    expect(() => loadArtifact(new TextEncoder().encode('const x = 1'))).toThrow(/magic/);
  });

  it('another format version is refused by its number', () => {
    const copy = bytes.slice();
    new DataView(copy.buffer).setUint16(8, ARTIFACT_FORMAT_VERSION + 1, true);
    expect(() => loadArtifact(copy)).toThrow(new RegExp(`format version ${ARTIFACT_FORMAT_VERSION + 1} is not supported`));
  });

  it('another core version is refused (even with a valid signature)', () => {
    const other = resign(bytes, (b) => (b.coreVersion = '9.9.9'));
    expect(() => loadArtifact(other)).toThrow(/exported by core 9\.9\.9, this is core/);
  });

  it('a program that does not match its hash is refused', () => {
    const other = resign(bytes, (b) => (b.program.source = `${b.program.source} `));
    expect(() => loadArtifact(other)).toThrow(/does not match its hash/);
  });

  it('structurally bad bytecode is refused (checked before the hash) even with a valid signature', () => {
    const cases: [string, (p: any) => void, RegExp][] = [
      ['unknown opcode', (p) => (p.functions[0].code = Uint8Array.from([0xff, 0, 0, 0])), /unknown opcode/],
      ['operand past the end', (p) => (p.functions[0].code = Uint8Array.from(le(op('Int')))), /runs past the end/],
      ['jump into nowhere', (p) => (p.functions[0].code = Uint8Array.from([...le(op('Jump')), ...le(99)])), /jumps to 99/],
      ['constant out of range', (p) => (p.functions[0].code = Uint8Array.from([...le(op('Const')), ...le(1000)])), /names constant 1000/],
      ['closure of a missing function', (p) => (p.functions[0].code = Uint8Array.from([...le(op('Closure')), ...le(99)])), /names function 99/],
      ['register out of range', (p) => (p.functions[0].code = Uint8Array.from([...le(op('IterClose')), ...le(9999)])), /names local 9999/],
      ['an opcode the compiler never emits', (p) => (p.functions[0].code = Uint8Array.from(le(op('HostWait')))), /never emitted/],
      ['an extra field overriding a known one', (p) => (p.functions[0].extra = { nlocals: 1e6 }), /extra field 'nlocals' is not allowed/],
      ['an extra field that is not plain data', (p) => (p.functions[0].extra = { debug: { a: new Uint8Array(2) } }), /extra field 'debug' is not allowed/],
      ['odd bytes', (p) => (p.functions[0].code = Uint8Array.from([1, 2, 3])), /32-bit words/],
      ['bad constant', (p) => (p.functions[0].constants = [{ t: 'weird' }]), /unknown constant/],
      ['functions out of order', (p) => (p.functions[0].index = 5), /out of order/],
      ['no functions', (p) => (p.functions = []), /no functions/],
      ['unsorted span table', (p) => (p.functions[0].pcSpans = Uint8Array.from([...le(4), ...le(0), ...le(0), ...le(0)])), /not sorted/],
      // fuzz seed 2808 case 69322: a call filled 2^31 parameter slots and V8 aborted the process
      ['parameters beyond the locals', (p) => (p.functions[p.functions.length - 1].nparams = 2 ** 31), /parameters do not fit/],
      ['more locals than local names', (p) => (p.functions[0].nlocals = 2 ** 31), /locals but \d+ local names/],
    ];
    for (const [what, mutate, message] of cases) {
      const other = resign(bytes, (b) => mutate(b.program));
      expect(() => loadArtifact(other), what).toThrow(SerializationError);
      expect(() => loadArtifact(other), what).toThrow(message);
    }
  });

  it('a manifest naming capabilities the program does not use is refused', () => {
    const other = resign(bytes, (b) => b.manifest.capabilities.push({ name: 'extra' }));
    expect(() => loadArtifact(other)).toThrow(/names 'extra'/);
  });

  it('a source map that does not match the bytecode is refused', () => {
    const other = resign(bytes, (b) => (b.sourceMap.functions[0].mappings[0][1] += 1));
    expect(() => loadArtifact(other)).toThrow(/source map/);
  });
});

function le(n: number): number[] {
  return [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
}

describe('inputs and the source map', () => {
  it('an inputs schema names the inputs and checks them', () => {
    const schema = { type: 'object', properties: { user: { type: 'string' }, n: { type: 'integer' } }, required: ['user'] };
    const a = loadArtifact(createArtifact('user + (typeof n)', { inputs: { schema } }));
    expect(a.manifest.inputs).toEqual({ names: ['user', 'n'], schema });
    expect(() => checkArtifactInputs(a, { user: 'ada' })).not.toThrow();
    expect(() => checkArtifactInputs(a, { n: 1 })).toThrow(/must have required property 'user'/);
    expect(() => checkArtifactInputs(a, { user: 1 })).toThrow(/inputs\.user must be string/);
    expect(() => checkArtifactInputs(a, { user: 'a', other: 1 })).toThrow(/not declared/);
    expect(runSync(a.program, { inputs: { user: 'ada' } }).value).toBe('adaundefined');
  });

  it('inputs without a schema are all required', () => {
    const a = loadArtifact(createArtifact('a + b', { inputs: ['a', 'b'] }));
    expect(() => checkArtifactInputs(a, { a: 1 })).toThrow(/input 'b' is missing/);
  });

  it('bad declarations are CapabilityErrors; bad programs parse/validation errors', () => {
    expect(() => createArtifact('1', { capabilities: [{ name: 'x', args: { type: 'nonsense' } }] })).toThrow(CapabilityError);
    expect(() => createArtifact('x', { capabilities: [{ name: 'x' }], inputs: ['x'] })).toThrow(/declared both as an input and as a capability/);
    expect(() => createArtifact('1', { inputs: { schema: { type: 'object' } } })).toThrow(/properties/);
    expect(() => createArtifact('let = ;')).toThrow(expect.objectContaining({ kind: 'Parse' }));
    expect(() => createArtifact('undeclared()')).toThrow(expect.objectContaining({ kind: 'Validation' }));
  });

  it('maps every pc to the same position as the span table', () => {
    const a = loadArtifact(createArtifact(JOB, { capabilities: CAPS, inputs: ['query'] }));
    expect(a.sourceMap.version).toBe(1);
    for (const f of a.program.functions) {
      for (let pc = 0; pc < f.code.length; pc++) {
        const s = spanAt(f, pc);
        const p = sourcePosition(a.sourceMap, f.index, pc);
        expect(p).toEqual(s ? { line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn } : undefined);
      }
    }
    expect(a.sourceMap.functions[0].mappings.some((m) => m[1] === 1)).toBe(true);
    expect(sourcePosition(a.sourceMap, 99, 0)).toBeUndefined();
  });
});
