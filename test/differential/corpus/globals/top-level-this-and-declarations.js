const r = [typeof this, this === globalThis];
let topLet = 'let value';
const topConst = 'const value';
r.push('topLet' in globalThis, globalThis.topConst);
class TopClass {}
r.push(globalThis.TopClass);
r
