const ae = new AggregateError([new Error('a'), 'b', 3], 'multiple problems');
const fromIterable = new AggregateError(new Set([1, 2]));
const withCause = new AggregateError([], 'with cause', { cause: 'root' });
[
  ae.name, ae.message, ae.errors.length, ae.errors[0].message, ae.errors.slice(1), ae instanceof Error,
  fromIterable.errors, fromIterable.message, String(ae), withCause.cause, Array.isArray(ae.errors),
]
