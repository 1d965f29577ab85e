/**
 * The editor features beyond the basic setup, one module each. Every document's state is
 * created with these, so a feature added here works in every tab.
 */
import type { Extension } from '@codemirror/state';
import { bytecodeLink } from './bytecode-link';
import { breakpointHandlers } from '../stores/debug';
import { breakpoints } from './breakpoints';
import { completion } from './completion';
import { debugLine } from './debug-line';
import { diagnostics } from './diagnostics';
import { heatmap } from './heatmap';
import { inlineValues } from './inline-values';
import { limitMark } from './limit-mark';

/** Extensions for a document at `path` (workspace-relative). */
export function editorExtensions(path: string): Extension[] {
  // the validator and capability completion are for scripts; JSON files get their problems from the workspace service
  const script = /\.(m|c)?js$/.test(path);
  return [...(script ? [diagnostics(path), completion(path)] : []), limitMark(), heatmap(), bytecodeLink(), breakpoints(breakpointHandlers(path)), debugLine(), inlineValues()];
}
