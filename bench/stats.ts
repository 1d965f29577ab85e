/** Small numeric and formatting helpers for the bench. */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function geomean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  return Math.exp(xs.reduce((acc, x) => acc + Math.log(x), 0) / xs.length);
}

/**
 * a's time over b's from runs made in rounds (a[r], b[r]: the run of round r, null when the
 * engine made none): the median of the per-round ratios, so a drift of the machine's speed
 * between rounds cancels out. NaN when no round has both.
 */
export function pairedRatio(a: readonly (number | null)[], b: readonly (number | null)[]): number {
  const paired: number[] = [];
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x !== null && y !== null && y !== undefined && y > 0) paired.push(x / y);
  }
  return median(paired);
}

export function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Milliseconds with about three significant digits. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return '—';
  if (r >= 100) return `${r.toFixed(0)}x`;
  if (r >= 10) return `${r.toFixed(1)}x`;
  return `${r.toFixed(2)}x`;
}

export function fmtCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A stable text form of a (structured) value for comparing results across engines and
 * realms: insertion-ordered keys, -0 and NaN kept distinct, no reliance on prototypes.
 */
export function canonical(v: unknown, depth = 0): string {
  if (depth > 64) return '<too deep>';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return String(v);
    case 'bigint':
      return `${v}n`;
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x) => canonical(x, depth + 1)).join(',')}]`;
      const o = v as Record<string, unknown>;
      return `{${Object.keys(o)
        .map((k) => `${JSON.stringify(k)}:${canonical(o[k], depth + 1)}`)
        .join(',')}}`;
    }
    default:
      return `<${typeof v}>`;
  }
}

export function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Renders rows as an aligned text table; column 0 is left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][], separatorBefore: number[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [line(header), rule];
  rows.forEach((r, i) => {
    if (separatorBefore.includes(i)) out.push(rule);
    out.push(line(r));
  });
  return out.join('\n');
}

function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

/**
 * A CPU-speed check: the median ms of fib(25) in plain JS over 7 runs. Printed beside absolute
 * figures because this machine's speed drifts by up to ~1.7x between phases of a few seconds (the
 * same check measured 0.5 and 0.9 ms for fib(24) minutes apart), which moves every µs figure
 * while the ratios between engines timed in the same phase hold.
 */
export function cpuCheck(): number {
  const t: number[] = [];
  let sink = 0;
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    sink += fib(25);
    t.push(performance.now() - s);
  }
  if (sink !== 7 * 75025) throw new Error('cpu check: wrong fib');
  return median(t);
}
