/** The debugger's editor extensions, on editor states (no DOM): breakpoints, stopped line, inline values. */
import { javascript } from '@codemirror/lang-javascript';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { applyEdit, breakpointField, currentMarks, markAt, markKind, markTitle, setBreakpointMarks, type BreakpointMark } from '../../renderer/src/editor/breakpoints';
import { debugLineField, setDebugLine } from '../../renderer/src/editor/debug-line';
import { computeInlineValues } from '../../renderer/src/editor/inline-values';

const DOC = ['const a = 1;', 'let b = a + 1;', '', 'function f(x) {', '  const y = x * 2;', '  return y + b;', '}', 'f(a);'].join('\n');

function state(doc = DOC): EditorState {
  return EditorState.create({ doc, extensions: [javascript(), breakpointField, debugLineField] });
}

const mark = (id: string, line: number, more: Partial<BreakpointMark> = {}): BreakpointMark => ({ id, line, enabled: true, ...more });

describe('breakpoint gutter state', () => {
  it('draws the marks it is given, one per line, dropping lines past the end', () => {
    const s = state().update({ effects: setBreakpointMarks.of([mark('a', 2), mark('b', 5), mark('c', 5), mark('d', 99)]) }).state;
    expect(currentMarks(s).map((m) => [m.id, m.line])).toEqual([
      ['a', 2],
      ['b', 5],
    ]);
    expect(markAt(s, 5)?.id).toBe('b');
    expect(markAt(s, 3)).toBeNull();
  });

  it('keeps breakpoints on their statements while lines are inserted and deleted above them', () => {
    let s = state().update({ effects: setBreakpointMarks.of([mark('a', 2), mark('b', 5)]) }).state;
    s = s.update({ changes: { from: 0, insert: '// one\n// two\n' } }).state;
    expect(currentMarks(s).map((m) => m.line)).toEqual([4, 7]);
    expect(s.doc.line(7).text).toBe('  const y = x * 2;');
    // delete lines 1–3 (the comments and `const a = 1;`)
    s = s.update({ changes: { from: 0, to: s.doc.line(4).from } }).state;
    expect(currentMarks(s).map((m) => [m.id, m.line])).toEqual([
      ['a', 1],
      ['b', 4],
    ]);
    // joining line 1 into nothing: a marker whose line start is deleted goes to its new line's start
    s = s.update({ changes: { from: 3, to: s.doc.line(2).from + 2 } }).state;
    expect(currentMarks(s).every((m) => s.doc.line(m.line).from >= 0)).toBe(true);
    for (const it = s.field(breakpointField).iter(); it.value; it.next()) expect(s.doc.lineAt(it.from).from).toBe(it.from);
  });

  it('describes kinds and tooltips', () => {
    expect(markKind({})).toBe('plain');
    expect(markKind({ condition: 'i > 2' })).toBe('conditional');
    expect(markKind({ hitCount: 3 })).toBe('conditional');
    expect(markKind({ logMessage: 'x={x}', condition: 'x' })).toBe('log');
    expect(markTitle(mark('a', 1, { condition: 'i > 2', hitCount: 3, enabled: false }))).toBe('Breakpoint\nCondition: i > 2\nHit count: 3\n(disabled)');
    expect(markTitle(mark('a', 1, { verified: false }))).toContain('not verified');
    expect(markTitle(mark('a', 1, { logMessage: 'x={x}' }))).toBe('Logpoint: x={x}');
  });

  it('applies inline edits: each kind sets its option, empty clears it, bad hit counts are refused', () => {
    expect(applyEdit(null, 'condition', ' i === 3 ')).toEqual({ condition: 'i === 3' });
    expect(applyEdit({ condition: 'i === 3' }, 'logMessage', 'i is {i}')).toEqual({ condition: 'i === 3', logMessage: 'i is {i}' });
    expect(applyEdit({ condition: 'i === 3', hitCount: 2 }, 'condition', '')).toEqual({ hitCount: 2 });
    expect(applyEdit(null, 'hitCount', '5')).toEqual({ hitCount: 5 });
    expect(applyEdit(null, 'hitCount', 'five')).toMatch(/whole number/);
    expect(applyEdit(null, 'hitCount', '0')).toMatch(/whole number/);
  });
});

describe('stopped line', () => {
  it('follows the line through edits and clears', () => {
    let s = state().update({ effects: setDebugLine.of({ line: 5, kind: 'paused' }) }).state;
    expect(s.doc.lineAt(s.field(debugLineField)!.pos).number).toBe(5);
    s = s.update({ changes: { from: 0, insert: '\n' } }).state;
    expect(s.doc.lineAt(s.field(debugLineField)!.pos).number).toBe(6);
    s = s.update({ effects: setDebugLine.of({ line: 40, kind: 'paused' }) }).state;
    expect(s.field(debugLineField)).toBeNull();
    s = s.update({ effects: setDebugLine.of({ line: 2, kind: 'exception', message: 'Error: boom' }) }).state;
    expect(s.field(debugLineField)?.line).toEqual({ line: 2, kind: 'exception', message: 'Error: boom' });
    expect(s.update({ effects: setDebugLine.of(null) }).state.field(debugLineField)).toBeNull();
  });
});

describe('inline values', () => {
  const values = new Map([
    ['a', '1'],
    ['b', '2'],
    ['x', '1'],
    ['y', '2'],
  ]);

  it('inside a function: from the function start to the paused line, names in scope once per line', () => {
    // paused on line 6 (`return y + b;`)
    expect(computeInlineValues(state(), 6, values)).toEqual([
      { line: 4, text: 'x = 1' },
      { line: 5, text: 'y = 2, x = 1' },
      { line: 6, text: 'y = 2, b = 2' },
    ]);
  });

  it('at the top level: from line 1, skipping the names of nested functions', () => {
    expect(computeInlineValues(state(), 8, values)).toEqual([
      { line: 1, text: 'a = 1' },
      { line: 2, text: 'b = 2, a = 1' },
      { line: 8, text: 'a = 1' },
    ]);
  });

  it('clips long values and ignores names it has no value for', () => {
    const long = new Map([['a', `{ items: [${'1, '.repeat(40)}] }`]]);
    const [first] = computeInlineValues(state(), 2, long);
    expect(first?.line).toBe(1);
    expect(first?.text.startsWith('a = { items: [1, 1')).toBe(true);
    expect(first?.text.endsWith('…')).toBe(true);
    expect(first!.text.length).toBeLessThanOrEqual(44);
    expect(computeInlineValues(state(), 2, new Map())).toEqual([]);
    expect(computeInlineValues(state(), 99, values)).toEqual([]);
  });
});
