/**
 * The intrinsic table: the objects and environments every VM of the process shares
 * (the realm template's frozen intrinsics, `$`, the prelude's closures and scope), in the
 * template's stable walk order, then the VM's own global object. A snapshot refers to
 * them by index instead of serializing them; a restore finds the object at the same
 * index in its own realm. Shared objects are frozen, so only the global object (per VM)
 * has state a snapshot stores.
 *
 * The table is computed once per realm template (one per process) and cached.
 */
import { FnFlags } from '../chunk';
import { Accessor, Env, JSFunction, JSObject, NativeFunction } from '../objects';
import { nativeName } from '../vm/natives';
import { compiledPrelude, type Realm, type RealmTemplate } from '../vm/realm';

export type TableEntry = JSObject | Env;

export interface IntrinsicTable {
  /** Shared objects, then shared environments (the global object is index `size - 1`). */
  readonly objects: readonly JSObject[];
  readonly envs: readonly Env[];
  /**
   * Shared objects the template's walk does not reach (prototypes and natives only held
   * by realm fields, e.g. %ArrayIteratorPrototype%), after `objects` and `envs`.
   */
  readonly extra: readonly JSObject[];
  readonly extraIndex: Map<JSObject, number>;
  /** Entries including the per-VM global object. */
  readonly size: number;
  /** A fingerprint of the layout (kinds, native names, function indices), checked on restore. */
  readonly fingerprint: number;
  /** The largest object id among shared objects: objects with larger ids are not shared. */
  readonly maxId: number;
}

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const tables = new WeakMap<RealmTemplate, IntrinsicTable>();

/** The intrinsic table of `realm`'s template (computed once per template). */
export function intrinsicTable(realm: Realm): IntrinsicTable {
  const tp = realm.template;
  let t = tables.get(tp);
  if (!t) {
    let h = 2166136261;
    for (const o of tp.objects) {
      let tag: string;
      if (o instanceof NativeFunction) tag = `N${nativeName(o.nativeId)}`;
      else if (o instanceof JSFunction) tag = `F${o.code.index}`;
      else tag = `O${o.constructor.name}${o.cls}`;
      h = fnv(h, tag);
    }
    for (const e of tp.envs) h = fnv(h, `E${e.vars.length}`);
    // the prelude's code (frames in it are resumed by pc) and the fresh global object's bindings
    h = fnv(h, compiledPrelude().source);
    for (const k of tp.globalShape.keys) h = fnv(h, typeof k === 'string' ? k : `@${k.description}`);
    const extra = extraShared(tp);
    for (const o of extra) h = fnv(h, o instanceof NativeFunction ? `N${nativeName(o.nativeId)}` : `X${o.constructor.name}${o.cls}`);
    const extraIndex = new Map<JSObject, number>();
    extra.forEach((o, i) => extraIndex.set(o, tp.objects.length + tp.envs.length + i));
    let maxId = 0;
    for (const o of tp.objects) if (o.id > maxId) maxId = o.id;
    for (const o of extra) if (o.id > maxId) maxId = o.id;
    t = { objects: tp.objects, envs: tp.envs, extra, extraIndex, size: tp.objects.length + tp.envs.length + extra.length + 1, fingerprint: h, maxId };
    tables.set(tp, t);
  }
  return t;
}

/** Index of `o` in the table of `realm`, or -1 when it is not an intrinsic. */
export function intrinsicIndex(realm: Realm, table: IntrinsicTable, o: TableEntry): number {
  if (o === realm.globalObject) return table.size - 1;
  if (o instanceof JSObject && o.id > table.maxId) return -1;
  const i = realm.template.indexOf(o);
  if (i < 0) return o instanceof JSObject ? (table.extraIndex.get(o) ?? -1) : -1;
  return o instanceof Env ? table.objects.length + i : i;
}

/** The entry at index `i` in `realm` (its own global object for the last index). */
export function intrinsicAt(realm: Realm, table: IntrinsicTable, i: number): TableEntry {
  if (i === table.size - 1) return realm.globalObject;
  if (i < table.objects.length) return table.objects[i];
  i -= table.objects.length;
  if (i < table.envs.length) return table.envs[i];
  return table.extra[i - table.envs.length];
}

/** A built-in value worth following from a shared object that is not frozen. */
function builtinValue(realm: Realm, v: unknown): v is JSObject {
  if (!(v instanceof JSObject)) return false;
  if (realm.intrinsics.has(v)) return true;
  if (v instanceof NativeFunction) return v.data === null;
  return v instanceof JSFunction && (v.code.flags & FnFlags.Builtin) !== 0;
}

/**
 * Objects every VM shares that the template's list leaves out: those only the realm's
 * fields (and its name table) hold, and the built-ins on them, in a fixed order.
 */
function extraShared(tp: RealmTemplate): JSObject[] {
  const r = tp.realm;
  const out: JSObject[] = [];
  const seen = new Set<JSObject>();
  const visit = (v: unknown): void => {
    if (!(v instanceof JSObject) || v === r.globalObject || seen.has(v) || tp.indexOf(v) >= 0) return;
    seen.add(v);
    out.push(v);
    if (v.proto && builtinValue(r, v.proto)) visit(v.proto);
    for (const s of v.slotValues()) {
      if (s instanceof Accessor) {
        if (builtinValue(r, s.get)) visit(s.get);
        if (builtinValue(r, s.set)) visit(s.set);
      } else if (builtinValue(r, s)) visit(s);
    }
  };
  const names = (r as unknown as { names?: Map<JSObject, string> }).names;
  if (names instanceof Map) for (const o of names.keys()) visit(o);
  for (const key of Object.keys(r)) {
    if (key === 'vm' || key === 'globalObject') continue;
    const v = (r as unknown as Record<string, unknown>)[key];
    if (v instanceof JSObject) visit(v);
  }
  for (const v of Object.values(r.errorProtos)) visit(v);
  for (const v of r.ctors.values()) visit(v);
  for (const v of r.builtinIterNexts) visit(v);
  return out;
}
