// id: stack-error-cause-aggregate
// technique: errors with cause chains, AggregateError lists and own stack properties thrown to the host
// source: vm2 GHSA-x965-fc75-jpqh (host-wrapped AggregateError) and GHSA-55hx-c926-fr95 (escape through SuppressedError)
// expect: runtime
const inner = new TypeError('inner');
inner.extra = { deep: [1, 2] };
throw new AggregateError([inner, new RangeError('r')], 'many', { cause: new Error('cause', { cause: inner }) });
