// the Error constructors also work without new
const a = Error('no new');
const b = TypeError('no new type');
const c = RangeError();
const d = AggregateError([1], 'agg');
[a instanceof Error, a.message, b instanceof TypeError, b.name, c.message, Object.getPrototypeOf(c) === RangeError.prototype, d.errors]
