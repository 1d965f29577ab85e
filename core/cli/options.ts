/**
 * Option groups shared by commands that run a program (`run` now; `test`, `export`,
 * `inspect` later): their specs for the parser and their conversion into core's
 * {@link RunOptions}. Every bad value is a {@link UsageError}.
 */
import { readTextFile } from '../host/files';
import { DEFAULT_LIMITS, type Limits } from '../index';
import { UsageError, type OptionSpecs, type ParsedArgs } from './args';

/** Flags that configure one run of a program. */
export const RUN_OPTIONS: OptionSpecs = {
  inputs: {
    type: 'string',
    valueName: 'JSON|@file.json',
    description: 'a JSON object whose properties become read-only globals',
  },
  limits: {
    type: 'string',
    valueName: 'JSON|@file.json',
    description: `budgets to override, e.g. '{"instructions":1e6}' (${Object.keys(DEFAULT_LIMITS).join(', ')})`,
  },
  seed: { type: 'string', valueName: 'S', description: 'seed of Math.random, an integer 0..4294967295' },
  now: { type: 'string', valueName: 'ISO|ms', description: 'fix the clock: Date.now() returns this time' },
};

/** `--json`: machine-readable result as the last stdout line. */
export const JSON_OPTION: OptionSpecs = {
  json: { type: 'boolean', description: 'print {"ok":…} as the last stdout line' },
};

/** Where capabilities come from: a mocks file and/or a host module. */
export const CAPABILITY_OPTIONS: OptionSpecs = {
  mocks: {
    type: 'string',
    valueName: 'MOCKS.json',
    description: 'declare and mock capabilities (fixed, sequence, error or script; docs/MOCKS.md)',
  },
  host: {
    type: 'string',
    valueName: 'MODULE.mjs',
    description: 'a JS module exporting `capabilities = { name: async (...args) => value }`, run in this process',
  },
};

/** How a run is driven. */
export const EXEC_OPTIONS: OptionSpecs = {
  trace: { type: 'boolean', description: 'one stderr line per suspension and per answer' },
  durable: { type: 'boolean', description: 'round-trip every suspension through snapshot bytes into a fresh VM' },
  isolate: { type: 'boolean', description: 'run in a sidecar process with OS-level limits and a watchdog (docs/SECURITY.md)' },
  'public-key': {
    type: 'string',
    valueName: 'KEY.pub',
    description: 'an artifact must be signed by this Ed25519 public key',
  },
};

export interface RunSettings {
  inputs: Record<string, unknown>;
  limits: Partial<Limits>;
  seed?: number;
  now?: number;
}

/** Reads the RUN_OPTIONS flags. */
export function runSettings(args: ParsedArgs, where: string): RunSettings {
  const v = args.values;
  const settings: RunSettings = { inputs: {}, limits: {} };
  if (typeof v.inputs === 'string') settings.inputs = jsonObjectArg(v.inputs, '--inputs', where);
  if (typeof v.limits === 'string') settings.limits = parseLimits(jsonObjectArg(v.limits, '--limits', where), where);
  if (typeof v.seed === 'string') settings.seed = parseSeed(v.seed, where);
  if (typeof v.now === 'string') settings.now = parseNow(v.now, where);
  return settings;
}

/** A JSON object given inline or as `@path` (a file the user names, relative to the cwd). */
export function jsonObjectArg(text: string, flag: string, where: string): Record<string, unknown> {
  let source = text;
  let origin = `${flag}`;
  if (text.startsWith('@')) {
    const path = text.slice(1);
    try {
      source = readTextFile(path);
    } catch (err) {
      throw new UsageError(`${where}: ${flag}: ${(err as Error).message}`);
    }
    origin = `${flag} file '${path}'`;
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    throw new UsageError(`${where}: ${origin} is not valid JSON (${oneLine((err as Error).message)})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${where}: ${origin} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** Validates `--limits`: known names, non-negative integers. */
export function parseLimits(obj: Record<string, unknown>, where: string): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (!Object.hasOwn(DEFAULT_LIMITS, key)) {
      throw new UsageError(`${where}: --limits: unknown limit '${key}' (known: ${Object.keys(DEFAULT_LIMITS).join(', ')})`);
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new UsageError(`${where}: --limits: ${key} must be a non-negative integer`);
    }
    out[key as keyof Limits] = value;
  }
  return out;
}

/** `--seed`: an unsigned 32-bit integer (decimal or 0x hex). */
export function parseSeed(text: string, where: string): number {
  const n = /^(?:\d+|0x[0-9a-f]+)$/i.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n > 0xffffffff) {
    throw new UsageError(`${where}: --seed must be an integer from 0 to 4294967295, got '${oneLine(text)}'`);
  }
  return n;
}

/** `--now`: milliseconds since the epoch, or an ISO 8601 date/time (UTC unless it has an offset). */
export function parseNow(text: string, where: string): number {
  let ms = NaN;
  if (/^-?\d+$/.test(text)) ms = Number(text);
  else {
    // ISO 8601; a date-time without an offset is read as UTC (not the host's zone), so runs reproduce anywhere
    const m = /^([+-]\d{6}|\d{4})-\d\d(?:-\d\d)?(T\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?)?(Z|[+-]\d\d:\d\d)?$/.exec(text);
    if (m) ms = Date.parse(m[2] && !m[3] ? `${text}Z` : text);
  }
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) {
    throw new UsageError(`${where}: --now must be an ISO date (2024-05-01T12:00:00Z) or milliseconds since the epoch, got '${oneLine(text)}'`);
  }
  return ms;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
