/**
 * Places in JSON text, for readable errors about workspace files: the line and column of a
 * `JSON.parse` failure, and of the value at a path such as `capabilities.searchLogs.returns`.
 */

/** A 1-based line and column. */
export interface TextPlace {
  line: number;
  column: number;
}

/** Line and column (1-based) of a character offset. */
export function placeOf(text: string, offset: number): TextPlace {
  const upTo = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = upTo.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

/**
 * Parses JSON; on failure returns a message without V8's position wording and the place of the
 * error (V8 reports a character position, or nothing at the end of the input).
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string; place: TextPlace } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    // V8's messages carry a position only sometimes; the scanner below always finds one
    const offset = syntaxErrorOffset(text);
    const message = raw
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/^Unexpected end of JSON input$/, 'unexpected end of the file')
      .replace(/, (\.\.\.)?"[^]*" is not valid JSON$/, '')
      .trim();
    return { ok: false, message: message || 'not valid JSON', place: placeOf(text, offset) };
  }
}

/** Offset of the first character where `text` stops being JSON (RFC 8259), or its length. */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  class Stop extends Error {}
  const fail = (): never => {
    throw new Stop();
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const c of word) if (text[i++] !== c) ((i -= 1), fail());
  };
  const string = () => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') fail();
      if (c === '"') return void i++;
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) ((i += k), fail());
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
        else fail();
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (error) {
    if (error instanceof Stop) return Math.min(i, text.length);
    throw error;
  }
}

/**
 * The place of the value at `path` (dot/bracket notation as produced by ajv error paths, e.g.
 * `capabilities.a.sequence[0]`) in well-formed JSON text, or of the deepest existing parent.
 */
export function placeOfPath(text: string, path: string): TextPlace {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)) keys.push(m[1] !== undefined ? Number(m[1]) : m[2]!);
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = (): void => {
    ws();
    const c = text[i];
    if (c === '"') return skipString();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      for (;;) {
        ws();
        if (text[i] === close || i >= text.length) {
          i++;
          return;
        }
        if (c === '{') {
          skipString();
          ws();
          i++; // the colon
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
      }
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  /** Moves `i` to the start of the child `key` of the value at `i`; false if there is none. */
  const enter = (key: string | number): boolean => {
    ws();
    const open = text[i];
    if (open !== '{' && open !== '[') return false;
    i++;
    let index = 0;
    for (;;) {
      ws();
      if (i >= text.length || text[i] === '}' || text[i] === ']') return false;
      if (open === '{') {
        const start = i;
        skipString();
        let name: unknown;
        try {
          name = JSON.parse(text.slice(start, i));
        } catch {
          return false;
        }
        ws();
        i++; // the colon
        ws();
        if (name === String(key)) return true;
      } else if (index === key) {
        return true;
      }
      skipValue();
      ws();
      if (text[i] === ',') i++;
      index++;
    }
  };
  ws();
  let found = i;
  for (const key of keys) {
    if (!enter(key)) break;
    ws();
    found = i;
  }
  return placeOf(text, found);
}
