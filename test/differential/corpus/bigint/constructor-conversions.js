const r = [BigInt(10), BigInt('0x1f'), BigInt('  42  '), BigInt(''), BigInt(true), BigInt('-123'), BigInt(Number.MAX_SAFE_INTEGER) + 2n, BigInt('0b101'), BigInt('0o17')];
for (const bad of [1.5, NaN, 'abc', '1n', Infinity, undefined, null, '1.0', Symbol('s')]) {
  try {
    r.push(BigInt(bad));
  } catch (e) {
    r.push(e.name);
  }
}
try { new BigInt(1); } catch (e) { r.push('new: ' + e.name); }
r
