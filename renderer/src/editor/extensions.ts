/**
 * The editor features beyond the basic setup, one module each. Every document's state is
 * created with these, so a feature added here works in every tab.
 */
import type { Extension } from '@codemirror/state';
import { bytecodeLink } from './bytecode-link';
import { completion } from './completion';
import { diagnostics } from './diagnostics';
import { heatmap } from './heatmap';
import { limitMark } from './limit-mark';

/** Extensions for a document at `path` (workspace-relative). */
export function editorExtensions(path: string): Extension[] {
  return [diagnostics(path), completion(path), limitMark(), heatmap(), bytecodeLink()];
}
