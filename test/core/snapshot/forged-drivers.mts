/**
 * Run by tamper.test.ts in a child process (killed on a timeout: the fault this guards against
 * is a host loop that never ends). Pauses a comparator sort and an array callback method
 * mid-way, forges their native driver state arrays in a re-signed snapshot (fuzz seed 2807
 * case 189078 set a sort state's `hi` to null and the restored run spun forever without running
 * a guest instruction), restores and drives each forgery. Prints one JSON line: per forgery
 * what happened ('completed', or the name of the error class).
 */
import { createHmac } from 'node:crypto';
import { CapsuleError } from '../../../core/index';
import { programFor, start } from '../../../core/execution';
import { restore, snapshot } from '../../../core/snapshot/index';
import { readTree, writeTree } from '../../../core/snapshot/wire';
import { cloneTree } from './tree';

const KEY = 'forged drivers key';
const LIMITS = { instructions: 2_000_000 };

/** The snapshot envelope with `payload` in place of the original's, sealed under KEY. */
function reseal(bytes: Uint8Array, payload: Uint8Array): Uint8Array {
  const vlen = bytes[10];
  const lenAt = 11 + vlen + 32;
  const body = new Uint8Array(lenAt + 4 + payload.length);
  body.set(bytes.subarray(0, lenAt));
  new DataView(body.buffer).setUint32(lenAt, payload.length);
  body.set(payload, lenAt + 4);
  const out = new Uint8Array(body.length + 32);
  out.set(body);
  out.set(createHmac('sha256', KEY).update(body).digest(), body.length);
  return out;
}

function payloadOf(bytes: Uint8Array): unknown[] {
  const vlen = bytes[10];
  const lenAt = 11 + vlen + 32;
  const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(lenAt);
  return readTree(bytes.slice(lenAt + 4, lenAt + 4 + len));
}

/** Every array in the tree (the state arrays are the element lists of guest arrays). */
function arrays(root: unknown): unknown[][] {
  const out: unknown[][] = [];
  const stack = [root];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      out.push(v);
      stack.push(...v);
    }
  }
  return out;
}

/** A snapshot taken `at` of the way through `source` (paused at an instruction boundary). */
function pausedSnapshot(source: string, at: number): { program: ReturnType<typeof programFor>; bytes: Uint8Array } {
  const program = programFor(source, {});
  const whole = start(program, { limits: LIMITS, seed: 1 });
  if (whole.outcome.status !== 'completed') throw new Error('the program did not complete');
  const ex = start(program, { limits: LIMITS, seed: 1, sliceInstructions: Math.floor(whole.outcome.instructions * at) });
  if (ex.outcome.status !== 'paused') throw new Error('the program did not pause');
  return { program, bytes: snapshot(ex, KEY) };
}

function drive(program: ReturnType<typeof programFor>, bytes: Uint8Array): string {
  try {
    const ex = restore(program, bytes, { key: KEY, limits: LIMITS });
    let o = ex.outcome;
    for (let i = 0; i < 100 && o.status !== 'completed'; i++) o = ex.resume([]);
    return o.status;
  } catch (e) {
    return e instanceof CapsuleError ? e.constructor.name : `host ${String(e)}`;
  }
}

const results: Record<string, string> = {};
const FORGED_VALUES: unknown[] = [null, -5, 2 ** 40, 1.5, 0, 'x', NaN];

// the sort state: [a, b, src, dst, phase, n, lo, hi, i, l, r, w, mid, j, k, cmp, Driver.Sort (2)]
{
  const src = 'const a = Array.from({ length: 60 }, (_, i) => (i * 7919) % 61); a.sort((x, y) => { const d = (x % 7) - (y % 7); return d || x - y; }); a[0] + a[59]';
  const { program, bytes } = pausedSnapshot(src, 0.6);
  const tree = payloadOf(bytes);
  const isState = (x: unknown[]) => x.length === 17 && x[16] === 2 && typeof x[5] === 'number';
  if (!arrays(tree).some(isState)) throw new Error('no sort state in the snapshot');
  results['sort untouched'] = drive(program, bytes);
  for (let field = 4; field <= 14; field++) {
    for (const v of FORGED_VALUES) {
      const t = cloneTree(tree);
      for (const x of arrays(t)) if (isState(x)) x[field] = v;
      results[`sort field ${field} = ${String(v)}`] = drive(program, reseal(bytes, writeTree(t)));
    }
  }
}

// the array callback state: [o, fn, len, i, kind, out, cur, v, result, Driver.ArrayIter (1)]
for (const [name, method] of [['forEach', 'b.forEach((x) => { s += x; })'], ['reduceRight', 's = b.reduceRight((p, x) => p + x, 0)']]) {
  const src = `const b = []; for (let i = 0; i < 40; i++) b.push(i); let s = 0; ${method}; s`;
  const { program, bytes } = pausedSnapshot(src, 0.8);
  const tree = payloadOf(bytes);
  const isState = (x: unknown[]) => x.length === 10 && x[9] === 1 && typeof x[2] === 'number';
  if (!arrays(tree).some(isState)) throw new Error(`no ${name} state in the snapshot`);
  results[`${name} untouched`] = drive(program, bytes);
  for (const [len, i] of [[2 ** 40, 0], [2 ** 40, 2 ** 40 - 1], [2 ** 53, 2 ** 53], [40, 2 ** 40]]) {
    const t = cloneTree(tree);
    for (const x of arrays(t)) {
      if (isState(x)) {
        x[2] = len;
        x[3] = i;
      }
    }
    results[`${name} len ${len} i ${i}`] = drive(program, reseal(bytes, writeTree(t)));
  }
}

console.log(JSON.stringify(results));
