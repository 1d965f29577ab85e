/** Runs a pattern through our engine and through V8, in a comparable shape. */
import { compileRegex, execRegex, RegexBudgetError } from '../../../core/regex/index';

export type Outcome =
  | { kind: 'error'; message: string }
  | { kind: 'nomatch' }
  | { kind: 'match'; spans: ([number, number] | null)[]; groups: Record<string, [number, number] | null> | null }
  | { kind: 'budget' };

function usesLastIndex(flags: string): boolean {
  return flags.includes('g') || flags.includes('y');
}

export function runV8(pattern: string, flags: string, input: string, lastIndex = 0): Outcome {
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags.includes('d') ? flags : flags + 'd');
  } catch (e) {
    // Re-run without the added 'd' so the message shows the caller's flags.
    try {
      new RegExp(pattern, flags);
    } catch (e2) {
      return { kind: 'error', message: (e2 as Error).message };
    }
    return { kind: 'error', message: (e as Error).message };
  }
  re.lastIndex = lastIndex;
  const m = re.exec(input);
  if (!m) return { kind: 'nomatch' };
  const idx = m.indices!;
  const spans = Array.from(idx, (x) => (x ? ([x[0], x[1]] as [number, number]) : null));
  let groups: Record<string, [number, number] | null> | null = null;
  if (idx.groups) {
    groups = {};
    for (const k of Object.keys(idx.groups)) {
      const v = idx.groups[k];
      groups[k] = v ? [v[0], v[1]] : null;
    }
  }
  return { kind: 'match', spans, groups };
}

export function runOurs(pattern: string, flags: string, input: string, lastIndex = 0, steps = 1e6): Outcome {
  let re;
  try {
    re = compileRegex(pattern, flags);
  } catch (e) {
    return { kind: 'error', message: (e as Error).message };
  }
  let m;
  try {
    m = execRegex(re, input, usesLastIndex(flags) ? lastIndex : 0, { remaining: steps });
  } catch (e) {
    if (e instanceof RegexBudgetError) return { kind: 'budget' };
    throw e;
  }
  if (!m) return { kind: 'nomatch' };
  const spans: ([number, number] | null)[] = [];
  for (let g = 0; g <= re.groupCount; g++) {
    const s = m.captures[2 * g];
    spans.push(s < 0 ? null : [s, m.captures[2 * g + 1]]);
  }
  let groups: Record<string, [number, number] | null> | null = null;
  const names = re.groupNames;
  if (names.some((n) => n !== undefined)) {
    groups = {};
    for (let g = 1; g <= re.groupCount; g++) {
      const n = names[g];
      if (n !== undefined) groups[n] = spans[g];
    }
  }
  return { kind: 'match', spans, groups };
}

/** Normalises group key order so deep equality ignores it. */
export function canon(o: Outcome): Outcome {
  if (o.kind !== 'match' || !o.groups) return o;
  const g: Record<string, [number, number] | null> = {};
  for (const k of Object.keys(o.groups).sort()) g[k] = o.groups[k];
  return { ...o, groups: g };
}
