/**
 * Object slots: JSObject keeps its first INLINE_SLOTS property values as fields and the rest
 * in an overflow array. These tests check the slot methods across that boundary (push,
 * delete in the middle, reads past the end) and that guest programs whose objects cross it
 * (adds, deletes, re-adds, snapshots) see ordinary property semantics.
 */
import { describe, expect, it } from 'vitest';
import { INLINE_SLOTS, JSObject } from '../../../core/objects';
import { runSync, start, snapshot, restore, compile } from '../../../core/index';

const values = (n: number): string[] => Array.from({ length: n }, (_, i) => `v${i}`);

function objectWith(n: number): JSObject {
  const o = new JSObject(null);
  values(n).forEach((v, i) => o.addProperty(`k${i}`, v));
  return o;
}

/** The slot count matches the shape, and every slot past the count reads undefined. */
function checkInvariant(o: JSObject): void {
  expect(o.slotCount).toBe(o.shape.keys.length);
  for (let i = o.slotCount; i < INLINE_SLOTS + 2; i++) expect(o.getSlot(i)).toBeUndefined();
  expect(o.getSlot(-1)).toBeUndefined();
  if (o.slotCount <= INLINE_SLOTS) expect(o.more).toBeNull();
  else expect(o.more!.length).toBe(o.slotCount - INLINE_SLOTS);
}

describe('JSObject slots', () => {
  it('push and read back, inline and overflow', () => {
    for (const n of [0, 1, INLINE_SLOTS - 1, INLINE_SLOTS, INLINE_SLOTS + 1, INLINE_SLOTS + 5, 40]) {
      const o = objectWith(n);
      expect(o.slotValues()).toEqual(values(n));
      for (let i = 0; i < n; i++) expect(o.getSlot(i)).toBe(`v${i}`);
      checkInvariant(o);
    }
  });

  it('setSlot overwrites one slot on either side of the boundary', () => {
    const o = objectWith(INLINE_SLOTS + 3);
    o.setSlot(1, 'a');
    o.setSlot(INLINE_SLOTS + 1, 'b');
    const want = values(INLINE_SLOTS + 3);
    want[1] = 'a';
    want[INLINE_SLOTS + 1] = 'b';
    expect(o.slotValues()).toEqual(want);
  });

  it('deleteOwn shifts the later slots down, across the boundary', () => {
    for (const n of [1, INLINE_SLOTS, INLINE_SLOTS + 1, INLINE_SLOTS + 3]) {
      for (let d = 0; d < n; d++) {
        const o = objectWith(n);
        expect(o.deleteOwn(`k${d}`)).toBe(true);
        const want = values(n).filter((_, i) => i !== d);
        expect(o.slotValues()).toEqual(want);
        // the shape's index still names the right slot for every remaining key
        for (const k of o.shape.keys) expect(o.getSlot(o.getOwnSlot(k))).toBe(`v${String(k).slice(1)}`);
        checkInvariant(o);
      }
    }
  });

  it('setSlotValues and clearSlots replace everything', () => {
    const o = objectWith(INLINE_SLOTS + 2);
    o.setSlotValues(['x', 'y']);
    expect(o.slotValues()).toEqual(['x', 'y']);
    expect(o.more).toBeNull();
    expect(o.getSlot(INLINE_SLOTS)).toBeUndefined();
    o.clearSlots();
    expect(o.slotCount).toBe(0);
    expect(o.getSlot(0)).toBeUndefined();
  });
});

describe('guest objects across the inline boundary', () => {
  const SRC = `
    const o = {};
    for (let i = 0; i < 9; i++) o['p' + i] = i;
    delete o.p2; delete o.p5; o.p2 = 'again';
    const lit = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 };
    delete lit.a; lit.g = 7; lit.e += 10;
    const acc = { get x() { return this.y * 2 }, y: 1, z: 2, w: 3, v: 4, u: 5 };
    acc.u = 50; delete acc.z;
    const fns = [function f() {}, class K { static s = 1; static t = 2; static u = 3 }].map((f) => Object.keys(f).join() + ':' + f.name + f.length);
    const r = get(1);
    [JSON.stringify(o), JSON.stringify(lit), acc.x, Object.keys(acc).join(), acc.u, fns.join('|'), r]`;
  const expected = [
    '{"p0":0,"p1":1,"p3":3,"p4":4,"p6":6,"p7":7,"p8":8,"p2":"again"}',
    '{"b":2,"c":3,"d":4,"e":15,"f":6,"g":7}',
    2,
    'x,y,w,v,u',
    50,
    ':f0|s,t,u:K0',
  ];

  it('adds, deletes and re-adds read back in order', () => {
    const r = runSync(SRC.replace('get(1)', '1'));
    expect(r.value).toEqual([...expected, 1]);
  });

  it('a snapshot taken mid-run restores the same objects', () => {
    const program = compile(SRC, { globals: ['get'], capabilities: ['get'] });
    const caps = [{ name: 'get' }];
    const ex = start(program, { capabilities: caps });
    const o = ex.outcome;
    if (o.status !== 'suspended') throw new Error(`expected a suspension, got ${o.status}`);
    const bytes = snapshot(ex, 'slots-test-key-0123456789');
    const ex2 = restore(program, bytes, { capabilities: caps, key: 'slots-test-key-0123456789' });
    const done = ex2.resume([{ id: o.calls[0].id, value: 'answer' }]);
    expect(done.status).toBe('completed');
    expect((done as { value: unknown }).value).toEqual([...expected, 'answer']);
  });
});
