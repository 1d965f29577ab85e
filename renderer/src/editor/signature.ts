/**
 * Readable signatures from JSON Schemas: `searchLogs({ service: string, level: "debug" | "info", limit?: integer })`.
 * Used by the editor's completion list and hover help; short by design (depth and length are capped).
 */

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A TypeScript-like type text for a schema, at most `depth` levels of objects deep. */
export function schemaType(schema: unknown, depth = 2): string {
  if (!isSchema(schema)) return 'any';
  if (Array.isArray(schema['enum'])) return schema['enum'].slice(0, 6).map((v) => JSON.stringify(v)).join(' | ') + (schema['enum'].length > 6 ? ' | …' : '');
  if ('const' in schema) return JSON.stringify(schema['const']);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) return list.map((s) => schemaType(s, depth)).join(' | ');
  }
  const type = schema['type'];
  if (Array.isArray(type)) return type.map((t) => schemaType({ ...schema, type: t }, depth)).join(' | ');
  switch (type) {
    case 'object': {
      const props = isSchema(schema['properties']) ? schema['properties'] : {};
      const names = Object.keys(props);
      if (names.length === 0) return 'object';
      if (depth <= 0) return '{ … }';
      const required = new Set(Array.isArray(schema['required']) ? schema['required'] : []);
      return `{ ${names.map((n) => `${n}${required.has(n) ? '' : '?'}: ${schemaType(props[n], depth - 1)}`).join(', ')} }`;
    }
    case 'array': {
      const items = schema['items'];
      if (Array.isArray(items)) return `[${items.map((s) => schemaType(s, depth)).join(', ')}]`;
      return `${schemaType(items, depth)}[]`;
    }
    case 'integer':
    case 'number':
    case 'string':
    case 'boolean':
    case 'null':
      return type;
    default:
      return 'any';
  }
}

/** Parameter list text from an argument schema (an array schema with `items`/`prefixItems`, as docs/MOCKS.md describes). */
export function parameterList(args: unknown): string {
  if (!isSchema(args)) return '…args';
  const positional = Array.isArray(args['prefixItems']) ? args['prefixItems'] : Array.isArray(args['items']) ? args['items'] : null;
  if (positional) {
    const min = typeof args['minItems'] === 'number' ? args['minItems'] : positional.length;
    return positional.map((s, i) => `${isSchema(s) && typeof s['title'] === 'string' ? s['title'] : `arg${i + 1}`}${i < min ? '' : '?'}: ${schemaType(s)}`).join(', ');
  }
  return `...args: ${schemaType(args)}`;
}

/** The one-line signature of a capability. */
export function capabilitySignature(name: string, spec: unknown): string {
  const s = isSchema(spec) ? spec : {};
  const result = 'result' in s ? `: ${schemaType(s['result'])}` : '';
  return `${name}(${parameterList(s['args'])})${result}`;
}
