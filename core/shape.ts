/**
 * Hidden classes. Objects built the same way share a {@link Shape}; adding a property
 * follows a transition, so property sites can cache
 * (shape → slot). Objects whose layout changes otherwise (delete, attribute change,
 * many keys) move to a private "dictionary" shape that is mutated in place.
 */
import { isArrayIndex, type PropertyKey } from './value';

export const enum Attr {
  Writable = 1,
  Enumerable = 2,
  Configurable = 4,
  Accessor = 8,
  /** Writable | Enumerable | Configurable: what assignment creates. */
  Default = 7,
  /** Writable | Configurable: built-in methods. */
  Hidden = 5,
}

const MAX_SHARED_KEYS = 64;

/** Transition (shared) shapes created so far in this process. */
let transitionShapes = 0;

/** How many transition shapes the process has created (see {@link Shape.pruneTransitions}). */
export function transitionShapesCreated(): number {
  return transitionShapes;
}

export class Shape {
  /** Keys in insertion order; index = slot. */
  readonly keys: PropertyKey[];
  readonly attrs: number[];
  readonly index: Map<PropertyKey, number>;
  private transitions: Map<PropertyKey, Shape[]> | null = null;
  /** Set when some key is an array index (such keys enumerate first, ascending). */
  hasIndexKeys: boolean;
  hasAccessors: boolean;
  /** Has a non-enumerable or private key (slower enumeration paths). */
  hasSpecialKeys: boolean;

  constructor(
    keys: PropertyKey[],
    attrs: number[],
    index: Map<PropertyKey, number>,
    readonly dictionary: boolean,
  ) {
    this.keys = keys;
    this.attrs = attrs;
    this.index = index;
    this.hasIndexKeys = false;
    this.hasAccessors = false;
    this.hasSpecialKeys = false;
  }

  static readonly root = new Shape([], [], new Map(), false);

  /** The shape after adding `key` with `attrs`; shared below {@link MAX_SHARED_KEYS} keys. */
  add(key: PropertyKey, attrs: number): Shape {
    if (this.dictionary) {
      this.index.set(key, this.keys.length);
      this.keys.push(key);
      this.attrs.push(attrs);
      this.noteKey(key, attrs);
      return this;
    }
    if (this.keys.length < MAX_SHARED_KEYS) {
      let t = this.transitions;
      if (t === null) t = this.transitions = new Map();
      let list = t.get(key);
      if (list === undefined) t.set(key, (list = []));
      for (let i = 0; i < list.length; i++) {
        const s = list[i];
        if (s.attrs[s.attrs.length - 1] === attrs) return s;
      }
      const index = new Map(this.index);
      index.set(key, this.keys.length);
      const next = new Shape([...this.keys, key], [...this.attrs, attrs], index, false);
      next.copyFlags(this);
      next.noteKey(key, attrs);
      list.push(next);
      transitionShapes++;
      return next;
    }
    const d = this.toDictionary();
    return d.add(key, attrs);
  }

  /**
   * Forgets cached transitions to shapes not in `keep` (recursively through the kept
   * ones). Objects keep their shapes; objects built later get fresh ones. Root shapes of
   * the shared intrinsics are shared by every VM of the process, so this is what keeps
   * their transition trees from growing with every property name any program ever used.
   */
  pruneTransitions(keep: ReadonlySet<Shape>): void {
    const t = this.transitions;
    if (t === null) return;
    for (const [key, list] of t) {
      const kept = list.filter((s) => keep.has(s));
      if (kept.length === 0) t.delete(key);
      else {
        if (kept.length !== list.length) t.set(key, kept);
        for (const s of kept) s.pruneTransitions(keep);
      }
    }
  }

  /** Adds this shape and every shape reachable through its cached transitions to `into`. */
  collectTransitions(into: Set<Shape>): Set<Shape> {
    into.add(this);
    if (this.transitions !== null) for (const list of this.transitions.values()) for (const s of list) s.collectTransitions(into);
    return into;
  }

  /** A private, mutable copy. */
  toDictionary(): Shape {
    const s = new Shape([...this.keys], [...this.attrs], new Map(this.index), true);
    s.copyFlags(this);
    return s;
  }

  private copyFlags(from: Shape): void {
    this.hasIndexKeys = from.hasIndexKeys;
    this.hasAccessors = from.hasAccessors;
    this.hasSpecialKeys = from.hasSpecialKeys;
  }

  noteKey(key: PropertyKey, attrs: number): void {
    if (typeof key === 'string') {
      if (!this.hasIndexKeys && isArrayIndex(key)) this.hasIndexKeys = true;
    }
    if (attrs & Attr.Accessor) this.hasAccessors = true;
    if (!(attrs & Attr.Enumerable) || typeof key !== 'string') this.hasSpecialKeys = true;
  }
}
