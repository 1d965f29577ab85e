const cases = {
  reference: () => { const read = () => later; read(); let later = 1; },
  type: () => null.x,
  range: () => new Array(-1),
  rangeRepeat: () => 'x'.repeat(-1),
  rangeToFixed: () => (1).toFixed(101),
  syntaxJson: () => JSON.parse('{'),
  typeConst: () => { const c = 1; c = 2; },
  typeCall: () => (void 0)(),
  typeBigInt: () => 1n + 1,
};
Object.fromEntries(Object.entries(cases).map(([k, f]) => {
  try { f(); return [k, 'no error']; } catch (e) { return [k, e.name]; }
}))
