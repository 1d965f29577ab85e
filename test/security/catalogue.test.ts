/** docs/SECURITY.md and techniques.json list every corpus technique and every bomb (regenerate: npx tsx test/security/catalogue.ts --write). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOMBS } from './bombs';
import { DOC, JSON_FILE, renderDoc, techniques, techniquesJson } from './catalogue';

describe('security catalogue', () => {
  const doc = readFileSync(DOC, 'utf8');

  it('docs/SECURITY.md shows the current technique and bomb tables', () => {
    expect(renderDoc(doc)).toBe(doc);
    for (const t of techniques()) expect(doc).toContain(`| \`${t.id}\` |`);
    for (const b of BOMBS) expect(doc).toContain(`| \`${b.id}\` |`);
  });

  it('techniques.json is current', () => {
    expect(readFileSync(JSON_FILE, 'utf8')).toBe(techniquesJson());
  });

  it('the figures in docs/SECURITY.md match the catalogue', () => {
    expect(doc).toContain(`**${techniques().length} escape techniques**`);
    expect(doc).toContain(`**${BOMBS.length} resource bombs**`);
  });
});
