/**
 * The Debug Console's filtering, history and error wording; the heat map's levels, counts and
 * decorations; the source ↔ bytecode link decorations — on real CodeMirror states.
 */
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { historyCursor, lineVisible, parseFilter, readableError } from '../../renderer/src/stores/console-lines';
import { compactCount, heatLevel, heatmap, heatOf, setHeat } from '../../renderer/src/editor/heatmap';
import { bytecodeLink, linkColour, LINK_COLOURS, setLinks } from '../../renderer/src/editor/bytecode-link';
import { EditorView } from '@codemirror/view';

const ALL = { log: true, info: true, warn: true, error: true, debug: true };

describe('console lines', () => {
  it('filters by level and by include/exclude terms; studio lines ignore the level toggles', () => {
    const none = parseFilter('');
    expect(lineVisible({ level: 'warn', text: 'disk low' }, { ...ALL, warn: false }, none)).toBe(false);
    expect(lineVisible({ level: 'result', text: 'Result: 1' }, { ...ALL, log: false, warn: false }, none)).toBe(true);
    const f = parseFilter(' Disk, CPU , !ignored ,!');
    expect(f).toEqual({ include: ['disk', 'cpu'], exclude: ['ignored'] });
    expect(lineVisible({ level: 'log', text: 'disk low' }, ALL, f)).toBe(true);
    expect(lineVisible({ level: 'log', text: 'cpu high' }, ALL, f)).toBe(true);
    expect(lineVisible({ level: 'log', text: 'memory' }, ALL, f)).toBe(false);
    expect(lineVisible({ level: 'log', text: 'disk (ignored)' }, ALL, f)).toBe(false);
    expect(lineVisible({ level: 'log', text: 'anything' }, ALL, parseFilter('!nothing'))).toBe(true);
  });

  it('walks the history with ↑/↓ and comes back to the draft', () => {
    const c = historyCursor(['a', 'b', 'c']);
    expect(c.newer()).toBeNull();
    expect(c.older('draft')).toBe('c');
    expect(c.older('c')).toBe('b');
    expect(c.older('b')).toBe('a');
    expect(c.older('a')).toBeNull();
    expect(c.newer()).toBe('b');
    expect(c.newer()).toBe('c');
    expect(c.newer()).toBe('draft');
    expect(c.newer()).toBeNull();
    expect(historyCursor([]).older('x')).toBeNull();
  });

  it('words evaluation errors readably', () => {
    expect(readableError("1:2 CAP1013: Unknown global 'nope'. Declare it with let")).toBe('ReferenceError: nope is not defined');
    expect(readableError('1:5 CAP1001: Unsupported syntax')).toBe('Unsupported syntax');
    expect(readableError('items is a function: expressions are evaluated on copies')).toBe('items is a function: expressions are evaluated on copies');
  });
});

describe('heat map', () => {
  it('levels are on a log scale from 1 to 5; counts are compact', () => {
    expect(heatLevel(0, 100)).toBe(0);
    expect(heatLevel(1, 1_000_000)).toBe(1);
    expect(heatLevel(1_000_000, 1_000_000)).toBe(5);
    expect(heatLevel(1000, 1_000_000)).toBe(3);
    for (let n = 1; n < 1e6; n *= 3) expect(heatLevel(n * 3, 1e7)).toBeGreaterThanOrEqual(heatLevel(n, 1e7));
    expect([7, 999, 1234, 12_345, 2_500_000, 3e9].map(compactCount)).toEqual(['7', '999', '1.2k', '12k', '2.5M', '3G']);
  });

  it('draws counted lines, keeps them on their lines through edits (stale), and clears', () => {
    const doc = 'let a = 1;\nfor (let i = 0; i < 9; i++) a++;\na';
    let state = EditorState.create({ doc, extensions: heatmap() });
    expect(heatOf(state)).toBeNull();
    state = state.update({ effects: setHeat.of({ lines: [{ line: 1, instructions: 3 }, { line: 2, instructions: 90 }, { line: 99, instructions: 5 }], total: 100 }) }).state;
    const h = heatOf(state)!;
    expect(h).toMatchObject({ max: 90, hottest: 2, stale: false });
    const lines = () => {
      const out: [number, string][] = [];
      for (const range of state.facet(EditorView.decorations)) {
        const set = typeof range === 'function' ? null : range;
        set?.between(0, state.doc.length, (from, _to, deco) => {
          out.push([state.doc.lineAt(from).number, String(deco.spec.class)]);
        });
      }
      return out;
    };
    expect(lines()).toEqual([
      [1, 'cm-heat-line cm-heat-2'],
      [2, 'cm-heat-line cm-heat-5'],
    ]);
    // a line inserted above: the marks move with their lines, and the map says it is stale
    state = state.update({ changes: { from: 0, insert: '// note\n' } }).state;
    expect(lines()).toEqual([
      [2, 'cm-heat-line cm-heat-2'],
      [3, 'cm-heat-line cm-heat-5'],
    ]);
    expect(heatOf(state)?.stale).toBe(true);
    state = state.update({ effects: setHeat.of(null) }).state;
    expect(heatOf(state)).toBeNull();
    expect(lines()).toEqual([]);
  });
});

describe('bytecode link', () => {
  it('gives adjacent lines different colours and every colour in turn', () => {
    const colours = Array.from({ length: LINK_COLOURS * 2 }, (_, i) => linkColour(i + 1));
    for (let i = 1; i < colours.length; i++) expect(colours[i]).not.toBe(colours[i - 1]);
    expect(new Set(colours).size).toBe(LINK_COLOURS);
  });

  it('colours the listed lines, outlines the active span, marks the active line', () => {
    const doc = 'const a = 1;\nconst b = a + 2;\nb';
    let state = EditorState.create({ doc, extensions: bytecodeLink() });
    const decos = () => {
      const out: [number, number, string][] = [];
      for (const range of state.facet(EditorView.decorations)) {
        if (typeof range === 'function') continue;
        range.between(0, state.doc.length, (from, to, deco) => {
          out.push([from, to, String(deco.spec.class)]);
        });
      }
      return out;
    };
    const from = doc.indexOf('a + 2');
    state = state.update({ effects: setLinks.of({ lines: [1, 2, 2, 7], span: { from, to: from + 5 }, activeLine: 2 }) }).state;
    expect(decos()).toEqual([
      [0, 0, `cm-bc-line cm-bc-c${linkColour(1)}`],
      [13, 13, `cm-bc-line cm-bc-c${linkColour(2)} cm-bc-active`],
      [from, from + 5, 'cm-bc-span'],
    ]);
    state = state.update({ effects: setLinks.of(null) }).state;
    expect(decos()).toEqual([]);
  });
});
