const names = [
  'Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Math', 'JSON', 'Date', 'RegExp', 'Map',
  'Set', 'Promise', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'AggregateError',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite',
];
const types = names.map((n) => [n, typeof globalThis[n]]);
const missing = types.filter(([, t]) => t === 'undefined');
[types.length, missing, types.filter(([, t]) => t === 'object').map(([n]) => n)]
