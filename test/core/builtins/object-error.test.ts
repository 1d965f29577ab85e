/**
 * Object.prototype.toLocaleString and Error.prototype.toString on receivers they cannot use:
 * V8's checks, in V8's order, with V8's messages. (A table rather than corpus programs: the
 * corpus bans the text `toLocaleString`, whose other forms depend on the host's locale.)
 */
import { v8Table } from './v8-table';

const CASES: Record<string, string[]> = {
  'Object.prototype.toLocaleString': [
    'Object.prototype.toLocaleString.call(undefined)',
    'Object.prototype.toLocaleString.call(null)',
    'Object.prototype.toLocaleString.call(Object.create(null))',
    'Object.prototype.toLocaleString.call(5)',
    "Object.prototype.toLocaleString.call('s')",
    'Object.prototype.toLocaleString.call([1, [2, 3]])',
    "Object.prototype.toLocaleString.call({ toString() { return 'mine'; } })",
    'Object.prototype.toLocaleString.call({ toString: 5 })',
    "Object.prototype.toLocaleString.call({ toString: 'x' })",
    'Object.prototype.toLocaleString.call({ toString: {} })',
    'Object.prototype.toLocaleString.call({ toString: null })',
    "Object.prototype.toLocaleString.call({ get toString() { return () => 'got'; } })",
    "Object.prototype.toLocaleString.call({ toString() { return this === undefined ? 'lost' : typeof this; } })",
  ],
  'Error.prototype.toString': [
    'Error.prototype.toString.call(undefined)',
    'Error.prototype.toString.call(null)',
    'Error.prototype.toString.call(-0)',
    "Error.prototype.toString.call('')",
    "Error.prototype.toString.call('ab')",
    'Error.prototype.toString.call(10n)',
    "Error.prototype.toString.call(Symbol('q'))",
    "Error.prototype.toString.call({ name: 'N', message: 'm' })",
    'Error.prototype.toString.call([])',
    'Error.prototype.toString.call(new RangeError("r"))',
  ],
};

v8Table('Object.prototype.toLocaleString / Error.prototype.toString vs V8', CASES, 23);
