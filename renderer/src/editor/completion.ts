/**
 * Completion of the names a script may use besides the built-ins: its capabilities, with their
 * signatures and descriptions from the mock set's schemas, and its inputs. JavaScript's own
 * completions (keywords, local names) stay; these are added to them.
 */
import { type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { javascriptLanguage } from '@codemirror/lang-javascript';
import type { Extension } from '@codemirror/state';
import { capabilitiesFor, inputsFor } from '../stores/problems';
import { capabilitySignature } from './signature';

/** The completion options for a script at `path`, from its current mock set and run configuration. */
export function scriptCompletions(path: string): Completion[] {
  const options: Completion[] = [];
  for (const [name, spec] of Object.entries(capabilitiesFor(path))) {
    const description = (spec as { description?: unknown }).description;
    options.push({
      label: name,
      type: 'function',
      detail: capabilitySignature(name, spec).slice(name.length),
      info: typeof description === 'string' ? `Capability — ${description}` : 'Capability',
      boost: 2,
    });
  }
  for (const [name, value] of Object.entries(inputsFor(path))) {
    options.push({ label: name, type: 'variable', detail: `input: ${JSON.stringify(value)?.slice(0, 40) ?? 'undefined'}`, info: 'Input of the run configuration', boost: 1 });
  }
  return options;
}

/** The completion source; not inside strings, comments or after a dot. */
function source(path: string) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[\w$]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const before = context.state.sliceDoc(Math.max(0, word.from - 1), word.from);
    if (before === '.') return null;
    return { from: word.from, options: scriptCompletions(path), validFor: /^[\w$]*$/ };
  };
}

/** The extension for the document at `path`. */
export function completion(path: string): Extension {
  return javascriptLanguage.data.of({ autocomplete: source(path) });
}
