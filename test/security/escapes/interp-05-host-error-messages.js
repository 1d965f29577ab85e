// id: interpreter-host-error-conversion
// technique: errors raised by host code inside built-ins (string length, array length, BigInt, URI, Intl, normalize, Date, JSON) are guest errors of the guest realm with no host text
// source: vm2 CVE-2023-29017 (host errors from built-ins reach the sandbox unsanitized)
// expect: result
// cli: yes
const cases = [() => ''.padStart(2 ** 40), () => new Array(2 ** 32), () => [].length = -1, () => 10n ** -1n, () => BigInt('1x'), () => encodeURI('\uD800'), () => new Intl.NumberFormat('en-US', { style: 'unit' }), () => new Intl.DateTimeFormat('xx-!!'), () => 'a'.localeCompare('b', 'zz-!!'), () => new Date(8.64e15 + 1).toISOString(), () => JSON.parse('[1,]'), () => (1).toString(99), () => String.fromCodePoint(0x110000), () => Symbol.prototype.toString.call(1), () => Number.prototype.toFixed.call('x')];
for (const f of cases) {
  try { R.push('no error: ' + show(f())); } catch (e) {
    R.push(e.name + ': ' + e.message);
    escaped('not a guest error', !(e instanceof Error) || Object.getPrototypeOf(Object.getPrototypeOf(e)) !== Error.prototype && Object.getPrototypeOf(e) !== Error.prototype);
    tryChain('host-raised ' + e.name, e);
  }
}
R
