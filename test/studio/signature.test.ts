/** Capability signatures the editor shows in completions, from the mock set's JSON Schemas. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { capabilitySignature, parameterList, schemaType } from '../../renderer/src/editor/signature';

describe('schemaType', () => {
  it('reads primitives, enums, consts, unions, arrays and tuples', () => {
    expect(schemaType({ type: 'string' })).toBe('string');
    expect(schemaType({ enum: ['a', 1] })).toBe('"a" | 1');
    expect(schemaType({ const: true })).toBe('true');
    expect(schemaType({ type: ['string', 'null'] })).toBe('string | null');
    expect(schemaType({ anyOf: [{ type: 'integer' }, { type: 'boolean' }] })).toBe('integer | boolean');
    expect(schemaType({ type: 'array', items: { type: 'number' } })).toBe('number[]');
    expect(schemaType({ type: 'array', items: [{ type: 'number' }, { type: 'string' }] })).toBe('[number, string]');
    expect(schemaType(undefined)).toBe('any');
  });

  it('marks optional properties and stops at the depth cap', () => {
    const schema = { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'object', properties: { c: { type: 'object', properties: { d: {} } } } } } };
    expect(schemaType(schema)).toBe('{ a: string, b?: { c?: { … } } }');
  });
});

describe('capability signatures', () => {
  it('names positional parameters and marks the ones past minItems optional', () => {
    expect(parameterList({ type: 'array', items: [{ type: 'string', title: 'id' }, { type: 'integer' }], minItems: 1 })).toBe('id: string, arg2?: integer');
    expect(capabilitySignature('f', { args: { type: 'array', prefixItems: [{ type: 'boolean' }] }, result: { type: 'string' } })).toBe('f(arg1: boolean): string');
    expect(capabilitySignature('g', {})).toBe('g(…args)');
  });

  it('reads the shipped example mock set', () => {
    const mocks = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../examples/incident-triage.mocks.json'), 'utf8')) as { capabilities: Record<string, unknown> };
    expect(capabilitySignature('searchLogs', mocks.capabilities['searchLogs'])).toBe(
      'searchLogs(arg1: { service: string, level: "debug" | "info" | "warn" | "error", from: string, to: string, limit?: integer }): { entries: any[] }',
    );
  });
});
