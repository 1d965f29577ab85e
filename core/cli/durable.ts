/**
 * `--durable`: at every suspension the execution is saved as snapshot bytes under a
 * random per-run key and restored into a fresh VM before the answers are applied.
 */
import type { CompiledProgram, StartOptions } from '../index';
import { UsageError } from './args';
import type { Durability } from './drive';

export function durability(_program: CompiledProgram, _options: StartOptions): Durability {
  throw new UsageError('capsule run: --durable needs core/snapshot, which this build does not have yet');
}
