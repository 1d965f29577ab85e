/** The Debug Console's line filtering, prompt history and error wording: plain functions, no state. */

/** A console line as these functions see it. */
export interface LineLike {
  level: string;
  text: string;
}

/** Lines the studio writes itself: always shown (the filter text still applies). */
const STUDIO_LEVELS = new Set(['result', 'info-muted', 'input', 'eval', 'eval-error']);

/** The filter as include and exclude terms (lower case). */
export function parseFilter(text: string): { include: string[]; exclude: string[] } {
  const terms = text
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  return { include: terms.filter((t) => !t.startsWith('!')), exclude: terms.filter((t) => t.startsWith('!') && t.length > 1).map((t) => t.slice(1)) };
}

/** Does a line pass the level toggles and the filter text? */
export function lineVisible(line: LineLike, levels: Record<string, boolean>, filter: { include: string[]; exclude: string[] }): boolean {
  if (!STUDIO_LEVELS.has(line.level) && levels[line.level] === false) return false;
  const text = line.text.toLowerCase();
  if (filter.exclude.some((t) => text.includes(t))) return false;
  return filter.include.length === 0 || filter.include.some((t) => text.includes(t));
}

/**
 * A cursor over the history for ↑/↓ in the prompt: `older` from the draft goes to the latest
 * entry; `newer` past the latest comes back to the draft the user was typing.
 */
export function historyCursor(history: readonly string[]) {
  let pos = history.length;
  let draft = '';
  return {
    older(current: string): string | null {
      if (pos === 0) return null;
      if (pos === history.length) draft = current;
      pos--;
      return history[pos] ?? null;
    },
    newer(): string | null {
      if (pos >= history.length) return null;
      pos++;
      return pos === history.length ? draft : (history[pos] ?? null);
    },
  };
}

/**
 * An evaluation error as the console shows it: `x is not defined` rather than the validator's
 * `1:2 CAP1013: Unknown global 'x'…`, and no `line:col CODE` prefix on other diagnostics.
 */
export function readableError(text: string): string {
  const unknown = /Unknown global '([^']+)'/.exec(text);
  if (unknown) return `ReferenceError: ${unknown[1]} is not defined`;
  return text.replace(/^\d+:\d+ [A-Z]+\d+:? /, '');
}
