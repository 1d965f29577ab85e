/**
 * `--durable`: at every suspension the execution is saved as snapshot bytes under a
 * random per-run key and restored into a fresh VM before the answers are applied, as a
 * host that persists suspended runs would. The output and instruction count must match an
 * ordinary run exactly.
 */
import { randomBytes } from 'node:crypto';
import { restore, snapshot, type CompiledProgram, type StartOptions } from '../index';
import type { Durability } from './drive';

export function durability(program: CompiledProgram, options: StartOptions): Durability {
  const key = new Uint8Array(randomBytes(32));
  return {
    snapshot: (exec) => snapshot(exec, key),
    restore: (bytes) => restore(program, bytes, { ...options, key }),
  };
}
