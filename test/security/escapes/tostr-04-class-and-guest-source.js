// id: tostring-guest-source
// technique: toString of guest functions returns only the guest's own source text (no host wrapper, no prelude)
// source: V8 / node:vm: Function.prototype.toString of wrapped functions reveals the wrapper (CommonJS wrapper disclosure)
// expect: result
class K { m() { return 1; } }
const texts = [attempt('class', () => `${K}`), attempt('method', () => `${new K().m}`), attempt('arrow', () => `${(a) => a}`), attempt('async', () => `${async function q() {}}`)];
escaped('guest source carries a host wrapper', texts.some((t) => /require|module|exports|__dirname/.test(String(t))));
R
