// id: stack-error-cause-aggregate
// technique: errors with cause chains, AggregateError lists and own stack properties thrown to the host
// source: vm2 exception sanitization bugs on nested errors (GHSA-whpj-8f3w-67p5)
// expect: runtime
const inner = new TypeError('inner');
inner.extra = { deep: [1, 2] };
throw new AggregateError([inner, new RangeError('r')], 'many', { cause: new Error('cause', { cause: inner }) });
