const base = { inheritedA: 1, shared: 'base' };
const mid = Object.create(base);
mid.midKey = 2;
mid.shared = 'mid';
const leaf = Object.create(mid);
leaf.own = 3;
Object.defineProperty(leaf, 'hidden', { value: 4, enumerable: false });
const seen = [];
for (const k in leaf) seen.push([k, Object.hasOwn(leaf, k)]);
seen
