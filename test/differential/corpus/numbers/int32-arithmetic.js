const imul = [Math.imul(3, 4), Math.imul(-5, 12), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 2)];
function hash(str) {
  let h = 2166136261;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
[imul, hash(''), hash('hello'), hash('world').toString(16), Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.fround(5.5), Math.fround(5.05)]
