/**
 * Inlines TypeScript `const enum` members of core/ as numbers (Vite/Vitest plugin).
 *
 * Per-file transforms (Vite, Vitest) cannot inline const enums imported from another
 * file, so `Op.Add` would stay a property load — and the interpreter's dispatch switch
 * would compare case by case instead of jumping. esbuild's bundler inlines them; this
 * does the same for the per-file pipelines so tests and the sidecar run the same code.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const CORE = resolve(import.meta.dirname, '..', 'core');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

function stripComments(src) {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

/** core/regex has its own `Op`; its enums apply only inside that folder. */
const groupOf = (file) => (file.startsWith(join(CORE, 'regex')) ? 'regex' : 'core');

/** Parses every `export const enum` of core/ into group → name → member → value. */
export function collectConstEnums(root = CORE) {
  const groups = new Map([['core', new Map()], ['regex', new Map()]]);
  for (const file of walk(root)) {
    const enums = groups.get(groupOf(file));
    const src = stripComments(readFileSync(file, 'utf8'));
    for (const m of src.matchAll(/export\s+const\s+enum\s+(\w+)\s*\{([^}]*)\}/g)) {
      const members = new Map();
      let next = 0;
      for (const raw of m[2].split(',')) {
        const item = raw.trim();
        if (!item) continue;
        const [name, expr] = item.split('=').map((s) => s.trim());
        let value = next;
        if (expr !== undefined) {
          if (!/^[\d\s|&<>()+\-*xXa-fA-F]+$/.test(expr)) throw new Error(`const enum ${m[1]}.${name}: unsupported initializer ${expr}`);
          value = Function(`"use strict"; return (${expr});`)();
        }
        members.set(name, value);
        next = value + 1;
      }
      if (enums.has(m[1])) throw new Error(`const enum ${m[1]} declared twice in core/`);
      enums.set(m[1], members);
    }
  }
  return groups;
}

/** The Vite/Vitest plugin. */
export function constEnums() {
  const groups = collectConstEnums();
  const matchers = new Map(
    [...groups].map(([g, enums]) => [g, { enums, re: new RegExp(`\\b(${[...enums.keys()].join('|')})\\.([A-Za-z_]\\w*)\\b`, 'g') }]),
  );
  return {
    name: 'capsule-const-enums',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(CORE) || !id.endsWith('.ts')) return null;
      const { enums, re } = matchers.get(groupOf(id));
      let changed = false;
      const out = code.replace(re, (whole, e, member, offset) => {
        const before = code.slice(Math.max(0, offset - 1), offset);
        if (before === '.') return whole;
        const v = enums.get(e).get(member);
        if (v === undefined) return whole;
        changed = true;
        return String(v);
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
