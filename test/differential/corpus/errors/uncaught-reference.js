// diff: throws
// reading a let binding before its declaration runs is a run-time ReferenceError (TDZ)
const settings = { verbose: true };
if (settings.verbose) {
  console.debug('verbose mode');
}
reportSettings(settings);
let reportSettings = (s) => s;
