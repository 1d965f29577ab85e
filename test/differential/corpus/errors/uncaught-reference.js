// diff: throws
const settings = { verbose: true };
if (settings.verbose) {
  console.debug('verbose mode');
}
reportSettings(settings);
