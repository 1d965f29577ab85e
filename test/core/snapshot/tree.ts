/** Test helper: a deep copy of a decoded snapshot payload tree (core/snapshot/wire), keeping its marker classes. */
import { TreeMarker, TreeRef } from '../../../core/snapshot/wire';

export function cloneTree<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneTree) as T;
  if (v instanceof TreeRef) return new TreeRef(v.node) as T;
  if (v instanceof TreeMarker) return new TreeMarker(v.marker) as T;
  if (v instanceof Uint8Array) return v.slice() as T;
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneTree(x)])) as T;
  return v;
}
