// diff: compare-messages
// Built-ins convert and check their arguments in V8's order, and word what they cannot
// iterate as V8's built-ins do (the value's type, no call site to print).
const log = [];
const s = (x, tag) => ({ toString() { log.push(tag); return x; } });
const out = [];
for (const f of [
  () => Object.fromEntries(null),
  () => Object.fromEntries(5),
  () => new AggregateError(),
  () => new AggregateError(null),
  () => AggregateError({}),
  () => Promise.all(5),
  () => Symbol.keyFor([]),
  () => Symbol.keyFor(() => 1),
  () => String.raw(undefined, Object.create(null)),
  () => String.raw({ raw: ['a'] }, s('never', 'raw unused')),
  () => String.raw({ raw: ['a', 'b'] }, s('-', 'raw used'), s('never', 'raw extra')),
  () => new RegExp(Symbol('q'), Object.create(null)),
  () => /a/.compile(Symbol('q'), Object.create(null)),
  () => 'abc'.slice(Symbol('q'), s('1', 'slice end')),
  () => String.fromCodePoint(65, s('66', 'cp 2'), -1, s('1', 'cp never')),
  () => String.fromCodePoint('a', 10n),
  () => new Date(NaN).setUTCHours(s('1', 'hours'), Symbol('never converted')),
  () => new Date(NaN).setUTCMonth(1, 10n),
  () => new Date(0).setUTCMonth(1, 10n),
  () => new Date(NaN).setUTCFullYear(2020, 1, 2),
  () => Object.prototype.toString.call(Array.prototype),
]) {
  try {
    out.push(String(f()));
  } catch (e) {
    out.push(`${e.name}: ${e.message}`);
  }
}
({ out, log });
