/**
 * Live validator diagnostics: squiggles, hover messages and gutter markers, computed in main by
 * the same validator `capsule validate` uses, a moment after the user stops typing.
 */
import { lintGutter, linter, type Diagnostic } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { checkScript } from '../stores/problems';

/** The lint extension for the document at `path`. */
export function diagnostics(path: string): Extension {
  return [
    linter(
      async (view) => {
        const source = view.state.doc.toString();
        const found = await checkScript(path, source);
        // The document may have changed while main was checking: clamp to its length.
        const length = view.state.doc.length;
        return found.map(
          (d): Diagnostic => ({
            from: Math.min(d.from, length),
            to: Math.min(Math.max(d.to, d.from), length),
            severity: d.severity,
            source: d.code,
            message: d.message,
          }),
        );
      },
      { delay: 300 },
    ),
    lintGutter(),
  ];
}
