const root = new TypeError('root cause');
const wrapped = new Error('wrapped', { cause: root });
const noCause = new Error('none', {});
const undefCause = new Error('u', { cause: undefined });
const primitiveCause = new RangeError('p', { cause: 'because' });
[
  wrapped.cause === root, wrapped.cause.message, 'cause' in noCause, 'cause' in undefCause, undefCause.cause,
  primitiveCause.cause, Object.getOwnPropertyDescriptor(wrapped, 'cause').enumerable, new Error('x', 5).cause,
]
