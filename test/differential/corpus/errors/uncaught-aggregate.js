// diff: throws
const failures = ['a', 'b'].map((n) => new Error('failed ' + n));
console.warn('failures', failures.length);
console.error('giving up');
throw new AggregateError(failures, 'batch failed');
