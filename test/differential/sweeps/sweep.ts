/**
 * Combinatorial built-in sweeps (on demand, not part of `npm test`): each guest program calls
 * one built-in with many receiver/argument combinations and records a description of every
 * result (or `name: message` of its error); core and V8 are compared line by line, messages
 * included. `npx tsx test/differential/sweeps/run.ts [family…]` (families in run.ts).
 */
import { runInCore, runInV8 } from '../harness';

const PRELUDE = String.raw`
const out = [];
function d(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return v + 'n';
  if (typeof v === 'symbol') return v.toString();
  if (typeof v === 'function') return 'fn';
  if (v === null || v === undefined) return String(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return '[' + Array.from(v, (x, i) => (i in v ? d(x) : '<hole>')).join(',') + ']' + (Object.keys(v).filter(k => !/^\d+$/.test(k)).map(k => k + '=' + d(v[k])).join(';'));
  if (v instanceof RegExp) return 'RE' + String(v) + v.lastIndex;
  if (v instanceof Date) return 'Date(' + v.getTime() + ')';
  if (v instanceof Map) return 'Map' + d([...v]);
  if (v instanceof Set) return 'Set' + d([...v]);
  if (v instanceof Error) return 'E:' + v.name + ':' + v.message;
  return '{' + Object.keys(v).map(k => k + ':' + d(v[k])).join(',') + '}';
}
function t(label, f) { try { out.push(label + ' => ' + d(f())); } catch (e) { out.push(label + ' !! ' + (e && e.name) + ': ' + (e && e.message)); } }
const PENDING = { pending: true };
function ticks(n) { return n ? Promise.resolve().then(() => ticks(n - 1)) : PENDING; }
async function ta(label, f) {
  try {
    const v = await Promise.race([Promise.resolve().then(f), ticks(30)]);
    out.push(label + (v === PENDING ? ' .. pending' : ' => ' + d(v)));
  } catch (e) { out.push(label + ' !! ' + (e && e.name) + ': ' + (e && e.message)); }
}
`;

/** Runs `lines` (calls of `t(label, f)`) in both engines; the differing result lines. */
export async function runBatch(lines: string[], awaited = false): Promise<string[]> {
  const src = awaited
    ? PRELUDE + '(async () => {\n' + lines.join('\n') + '\nreturn out.join("\\n");\n})()'
    : PRELUDE + lines.join('\n') + '\nout.join("\\n")';
  const [a, b] = await Promise.all([runInV8(src), runInCore(src)]);
  const va = 'value' in a ? String(a.value) : 'ERR ' + JSON.stringify(a);
  const vb = 'value' in b ? String(b.value) : 'ERR ' + JSON.stringify(b);
  if (va === vb) return [];
  const la = va.split('\n'), lb = vb.split('\n');
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) diffs.push(`V8:   ${la[i]}\ncore: ${lb[i]}`);
  return diffs.length ? diffs : [`whole: V8 ${va.slice(0, 300)} | core ${vb.slice(0, 300)}`];
}

/** No arguments, each single argument, and (max 2) each ordered pair. */
export function combos<T>(pool: T[], max: number): T[][] {
  const out: T[][] = [[]];
  for (const a of pool) out.push([a]);
  if (max >= 2) for (const a of pool) for (const b of pool) out.push([a, b]);
  return out;
}

/** Sweeps `calls` (expressions) in batches; prints up to 6 differences per batch; their count. */
export async function sweep(name: string, calls: string[], batch = 150, awaited = false): Promise<number> {
  let n = 0;
  for (let i = 0; i < calls.length; i += batch) {
    // (awaited: each call's promise settles before the next call starts, so job order cannot mix them)
    const lines = calls.slice(i, i + batch).map((c) => (awaited ? `await ta(${JSON.stringify(c)}, () => ${c});` : `t(${JSON.stringify(c)}, () => ${c});`));
    const diffs = await runBatch(lines, awaited);
    for (const d of diffs.slice(0, 6)) console.log(`[${name}]\n${d}`);
    if (diffs.length > 6) console.log(`[${name}] ... ${diffs.length - 6} more`);
    n += diffs.length;
  }
  return n;
}
